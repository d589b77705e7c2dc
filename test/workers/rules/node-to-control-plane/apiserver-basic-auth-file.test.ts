import rule from '../../../../src/rules/node-to-control-plane/apiserver-basic-auth-file';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const v1_17 = 'registry.k8s.io/kube-apiserver:v1.17.17';

ruleTester(rule, {
  valid: [
    {
      name: 'no password file (1.17)',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443'], v1_17) }],
    },
  ],
  invalid: [
    {
      name: 'password file on 1.17',
      files: [
        { name: file, content: apiserverPod(['--basic-auth-file=/etc/kubernetes/passwords.csv'], v1_17) },
      ],
      findings: [{ file, line: 10, messageIncludes: '--basic-auth-file=/etc/kubernetes/passwords.csv' }],
    },
    {
      name: 'password file on 1.18, the last version with it',
      files: [
        {
          name: file,
          content: apiserverPod(
            ['--basic-auth-file=/etc/kubernetes/passwords.csv'],
            'registry.k8s.io/kube-apiserver:v1.18.20',
          ),
        },
      ],
      findings: [{ file, line: 10 }],
    },
    {
      name: 'password file, version unknown',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --basic-auth-file=/etc/passwords.csv\n' }],
      findings: [{ messageIncludes: 'the version is unknown' }],
    },
  ],
  notEvaluated: [
    {
      name: 'on 1.19, the version that removed it (from the flag facts)',
      files: [
        {
          name: file,
          content: apiserverPod(
            ['--basic-auth-file=/etc/kubernetes/passwords.csv'],
            'registry.k8s.io/kube-apiserver:v1.19.0',
          ),
        },
      ],
      reasonIncludes: 'applies before Kubernetes 1.19; the cluster runs 1.19',
    },
    {
      name: 'on 1.19 and later the flag is gone (removed-flag reports it)',
      files: [{ name: file, content: apiserverPod(['--basic-auth-file=/etc/kubernetes/passwords.csv']) }],
      reasonIncludes: 'applies before Kubernetes 1.19',
    },
  ],
});
