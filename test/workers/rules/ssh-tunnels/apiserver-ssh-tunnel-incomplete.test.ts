import rule from '../../../../src/rules/ssh-tunnels/apiserver-ssh-tunnel-incomplete';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const v121 = 'registry.k8s.io/kube-apiserver:v1.21.14';

ruleTester(rule, {
  valid: [
    { name: 'no SSH flags', files: [{ name: file, content: apiserverPod([], v121) }] },
    {
      name: 'both flags',
      files: [{ name: file, content: apiserverPod(['--ssh-user=tunnel', '--ssh-keyfile=/key'], v121) }],
    },
  ],
  invalid: [
    {
      name: 'only --ssh-user',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443', '--ssh-user=tunnel'], v121) }],
      findings: [{ file, line: 11, messageIncludes: 'sets --ssh-user=tunnel but not --ssh-keyfile' }],
    },
    {
      name: 'only --ssh-keyfile (the user set empty)',
      files: [{ name: file, content: apiserverPod(['--ssh-user=', '--ssh-keyfile=/key'], v121) }],
      findings: [{ line: 11, messageIncludes: 'but not --ssh-user' }],
    },
  ],
  notEvaluated: [
    {
      name: 'on 1.22, the version that removed the flags (from the flag facts)',
      files: [
        {
          name: file,
          content: apiserverPod(['--ssh-user=tunnel'], 'registry.k8s.io/kube-apiserver:v1.22.0'),
        },
      ],
      reasonIncludes: 'applies before Kubernetes 1.22; the cluster runs 1.22',
    },
  ],
});
