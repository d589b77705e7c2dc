import rule from '../../../../src/rules/node-to-control-plane/kubeconfig-ca-missing';
import { kubeconfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = '/etc/kubernetes/kubelet.conf';
const user =
  'client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\nclient-key: /var/lib/kubelet/pki/kubelet-client-current.pem';

ruleTester(rule, {
  valid: [
    {
      name: 'CA data',
      files: [
        {
          name: file,
          content: kubeconfig('server: https://10.0.0.10:6443\ncertificate-authority-data: Q0EK', user),
        },
      ],
    },
    {
      name: "insecure-skip-tls-verify is the other rule's finding",
      files: [
        {
          name: file,
          content: kubeconfig('server: https://10.0.0.10:6443\ninsecure-skip-tls-verify: true', user),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'no CA',
      files: [{ name: file, content: kubeconfig('server: https://10.0.0.10:6443', user) }],
      findings: [
        { file, line: 5, messageIncludes: ["the kubelet's kubeconfig", 'neither certificate-authority'] },
      ],
    },
  ],
});
