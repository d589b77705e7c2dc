import rule from '../../../../src/rules/certificates/certificate-usage-mismatch';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm, pem, replace } from '../../../support/pki-uploads';

const APISERVER = '/etc/kubernetes/pki/apiserver.crt';
const CA = '/etc/kubernetes/pki/ca.crt';

ruleTester(rule, {
  valid: [
    { name: 'the right kubeadm PKI', files: kubeadm(), options: OPTIONS },
    {
      name: "a kubelet's self-signed certificate pinned in the API server's kubelet CA bundle is no CA, and need not be",
      files: replace(kubeadm({ kubeletServing: 'kubelet-self' }), CA, pem('ca') + pem('kubelet-self')),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'a serving certificate for clientAuth only (no serverAuth)',
      files: kubeadm({ apiserver: 'apiserver-client-only' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'without serverAuth (clientAuth)' }],
    },
    {
      name: 'a client certificate for serverAuth only (no clientAuth)',
      files: kubeadm({ kubeletClient: 'kubelet-serving' }),
      options: OPTIONS,
      findings: [
        { file: '/var/lib/kubelet/pki/kubelet-client-current.pem', messageIncludes: 'without clientAuth' },
      ],
    },
    {
      name: 'a CA file whose certificate has basicConstraints CA:FALSE',
      files: replace(kubeadm(), CA, pem('not-a-ca')),
      options: OPTIONS,
      findings: [
        { file: CA, messageIncludes: ['CA:FALSE', 'named as a CA'] },
        { file: CA, messageIncludes: '--kubelet-certificate-authority' },
      ],
    },
  ],
});
