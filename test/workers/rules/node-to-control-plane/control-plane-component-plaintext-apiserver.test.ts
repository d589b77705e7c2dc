import rule from '../../../../src/rules/node-to-control-plane/control-plane-component-plaintext-apiserver';
import { manifestPath, staticPod } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const scheduler = manifestPath('kube-scheduler');

ruleTester(rule, {
  valid: [
    {
      name: 'kubeconfig only',
      files: [
        {
          name: scheduler,
          content: staticPod('kube-scheduler', ['--kubeconfig=/etc/kubernetes/scheduler.conf']),
        },
      ],
    },
    {
      name: 'https master',
      files: [{ name: scheduler, content: staticPod('kube-scheduler', ['--master=https://10.0.0.10:6443']) }],
    },
  ],
  invalid: [
    {
      name: 'http master',
      files: [{ name: scheduler, content: staticPod('kube-scheduler', ['--master=http://127.0.0.1:8080']) }],
      findings: [{ file: scheduler, line: 10, messageIncludes: '--master=http://127.0.0.1:8080' }],
    },
  ],
});
