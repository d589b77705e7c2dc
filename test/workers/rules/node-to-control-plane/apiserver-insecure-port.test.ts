import rule from '../../../../src/rules/node-to-control-plane/apiserver-insecure-port';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const v1_18 = 'registry.k8s.io/kube-apiserver:v1.18.20';
const pod = (flags: string[], image = v1_18) => [{ name: file, content: apiserverPod(flags, image) }];

ruleTester(rule, {
  valid: [
    { name: 'insecure port switched off (1.18)', files: pod(['--insecure-port=0']) },
    { name: 'pre-1.20 default: 8080 on 127.0.0.1 only', files: pod(['--secure-port=6443']) },
    { name: 'loopback bind address (1.18)', files: pod(['--insecure-bind-address=127.0.0.1']) },
    {
      name: 'removed flag on 1.24+ is left to removed-flag',
      files: pod(['--insecure-port=8080'], 'registry.k8s.io/kube-apiserver:v1.31.2'),
    },
  ],
  invalid: [
    {
      name: 'insecure port on 1.18',
      files: pod(['--insecure-port=8080']),
      findings: [{ file, line: 10, messageIncludes: ['127.0.0.1:8080', '--insecure-port=8080'] }],
    },
    {
      name: 'insecure bind address on all interfaces, default port (1.18)',
      files: pod(['--insecure-bind-address=0.0.0.0']),
      findings: [{ line: 10, messageIncludes: '0.0.0.0:8080' }],
    },
    {
      name: 'version unknown: said so',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --insecure-port=8080\n' }],
      findings: [{ messageIncludes: 'the version is unknown' }],
    },
    {
      name: '1.20-1.23 accept only 0: start-up fails',
      files: pod(['--insecure-port=8080'], 'registry.k8s.io/kube-apiserver:v1.21.3'),
      findings: [{ line: 10, category: 'breakage', messageIncludes: 'only zero is allowed' }],
    },
  ],
});
