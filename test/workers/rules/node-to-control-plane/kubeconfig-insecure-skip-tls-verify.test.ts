import rule from '../../../../src/rules/node-to-control-plane/kubeconfig-insecure-skip-tls-verify';
import { kubeconfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = '/etc/kubernetes/kubelet.conf';
const user =
  'client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\nclient-key: /var/lib/kubelet/pki/kubelet-client-current.pem';

ruleTester(rule, {
  valid: [
    {
      name: 'verifies with the cluster CA',
      files: [
        {
          name: file,
          content: kubeconfig(
            'server: https://10.0.0.10:6443\ncertificate-authority: /etc/kubernetes/pki/ca.crt',
            user,
          ),
        },
      ],
    },
    {
      name: 'insecure-skip-tls-verify: false',
      files: [
        {
          name: file,
          content: kubeconfig(
            'server: https://10.0.0.10:6443\ninsecure-skip-tls-verify: false\ncertificate-authority: /etc/kubernetes/pki/ca.crt',
            user,
          ),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'skips verification',
      files: [
        {
          name: file,
          content: kubeconfig('server: https://10.0.0.10:6443\ninsecure-skip-tls-verify: true', user),
        },
      ],
      findings: [
        { file, line: 7, messageIncludes: ["the kubelet's kubeconfig", 'insecure-skip-tls-verify: true'] },
      ],
    },
    {
      name: 'skips verification and names a CA: client-go refuses it',
      files: [
        {
          name: file,
          content: kubeconfig(
            'server: https://10.0.0.10:6443\ninsecure-skip-tls-verify: true\ncertificate-authority-data: Q0EK',
            user,
          ),
        },
      ],
      findings: [{ category: 'breakage', messageIncludes: 'rejects' }],
    },
  ],
});
