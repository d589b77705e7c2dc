import rule from '../../../../src/rules/certificates/private-key-uploaded';
import { ruleTester } from '../../../support/rule-tester';
import { KEY_BLOCK, OPTIONS, kubeadm, pem, replace } from '../../../support/pki-uploads';

const KUBELET_CLIENT = '/var/lib/kubelet/pki/kubelet-client-current.pem';

ruleTester(rule, {
  valid: [{ name: 'public certificates only', files: kubeadm(), options: OPTIONS }],
  invalid: [
    {
      name: 'kubelet-client-current.pem with its key: reported on the path of the certificate beside it',
      files: replace(kubeadm(), KUBELET_CLIENT, pem('kubelet-client') + KEY_BLOCK),
      options: OPTIONS,
      findings: [{ file: KUBELET_CLIENT, line: 21, severity: 'info', messageIncludes: 'EC PRIVATE KEY' }],
    },
    {
      name: 'a key file on its own',
      files: [...kubeadm(), { name: '/etc/kubernetes/pki/apiserver.key', content: KEY_BLOCK }],
      options: OPTIONS,
      findings: [{ file: '/etc/kubernetes/pki/apiserver.key', line: 1, severity: 'info' }],
    },
  ],
});
