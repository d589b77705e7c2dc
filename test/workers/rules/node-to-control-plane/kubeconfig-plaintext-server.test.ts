import rule from '../../../../src/rules/node-to-control-plane/kubeconfig-plaintext-server';
import { kubeconfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = '/etc/kubernetes/scheduler.conf';
const user =
  'client-certificate: /etc/kubernetes/pki/scheduler.crt\nclient-key: /etc/kubernetes/pki/scheduler.key';

ruleTester(rule, {
  valid: [
    {
      name: 'https server',
      files: [
        {
          name: file,
          content: kubeconfig(
            'server: https://10.0.0.10:6443\ncertificate-authority: /etc/kubernetes/pki/ca.crt',
            user,
            'system:kube-scheduler',
          ),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'plain HTTP',
      files: [
        { name: file, content: kubeconfig('server: http://127.0.0.1:8080', user, 'system:kube-scheduler') },
      ],
      findings: [
        { file, line: 6, messageIncludes: ["kube-scheduler's kubeconfig", 'http://127.0.0.1:8080'] },
      ],
    },
  ],
});
