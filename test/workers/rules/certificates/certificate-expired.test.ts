import rule from '../../../../src/rules/certificates/certificate-expired';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm, konnectivity } from '../../../support/pki-uploads';

const APISERVER = '/etc/kubernetes/pki/apiserver.crt';
const KUBELET_CLIENT = '/var/lib/kubelet/pki/kubelet-client-current.pem';

ruleTester(rule, {
  valid: [
    { name: 'the right kubeadm PKI at asOf', files: kubeadm(), options: OPTIONS },
    { name: 'konnectivity over the cluster CA', files: konnectivity(), options: OPTIONS },
  ],
  invalid: [
    {
      name: "the API server's certificate expired a year before asOf",
      files: kubeadm({ apiserver: 'apiserver-expired' }),
      options: OPTIONS,
      findings: [
        {
          file: APISERVER,
          line: 1,
          messageIncludes: ['expired on 2025-01-01T00:00:00Z', '--tls-cert-file='],
        },
      ],
    },
    {
      name: "the kubelet's client certificate expired: nodes go NotReady",
      files: kubeadm({ kubeletClient: 'kubelet-client-expired' }),
      options: OPTIONS,
      findings: [{ file: KUBELET_CLIENT, messageIncludes: "the kubelet's kubeconfig" }],
    },
    {
      name: 'a certificate not valid yet (a clock behind)',
      files: kubeadm({ apiserver: 'apiserver-not-yet-valid' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'is not valid until 2027-01-01T00:00:00Z' }],
    },
    {
      // The cluster CA is named by five settings on two paths: one finding per path, not per setting.
      name: 'every certificate, the cluster CA included, judged at an asOf after 2035',
      files: kubeadm(),
      options: { asOf: new Date('2035-06-01T00:00:00Z') },
      findings: [
        { file: APISERVER },
        {
          file: '/etc/kubernetes/pki/ca.crt',
          messageIncludes: ['--client-ca-file', '--root-ca-file', 'certificate-authority-data'],
        },
        { file: '/etc/kubernetes/pki/ca.crt', messageIncludes: '--kubelet-certificate-authority' },
        { file: '/etc/kubernetes/pki/apiserver-kubelet-client.crt' },
        { file: '/var/lib/kubelet/pki/kubelet-server-current.pem' },
        { file: KUBELET_CLIENT },
      ],
    },
  ],
});
