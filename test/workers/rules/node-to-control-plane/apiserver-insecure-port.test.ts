import rule from '../../../../src/rules/node-to-control-plane/apiserver-insecure-port';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const v1_18 = 'registry.k8s.io/kube-apiserver:v1.18.20';
const pod = (flags: string[], image = v1_18) => [{ name: file, content: apiserverPod(flags, image) }];

ruleTester(rule, {
  valid: [
    { name: 'insecure port switched off (1.18)', files: pod(['--insecure-port=0']) },
    {
      name: '1.20, the first version where unset means off',
      files: pod(['--secure-port=6443'], 'registry.k8s.io/kube-apiserver:v1.20.0'),
    },
    {
      name: 'version unknown and nothing written: cannot tell',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --secure-port=6443\n' }],
    },
    {
      name: 'removed flag on 1.24+ is left to removed-flag',
      files: pod(['--insecure-port=8080'], 'registry.k8s.io/kube-apiserver:v1.31.2'),
    },
  ],
  invalid: [
    {
      name: 'insecure port on 1.18, loopback by default: high',
      files: pod(['--insecure-port=8080']),
      findings: [
        { file, line: 10, severity: 'high', messageIncludes: ['127.0.0.1:8080', '--insecure-port=8080'] },
      ],
    },
    {
      name: 'unset on 1.19, the last version where that means 8080 on 127.0.0.1: judged as set',
      files: pod(['--secure-port=6443'], 'registry.k8s.io/kube-apiserver:v1.19.16'),
      findings: [
        {
          file,
          severity: 'high',
          locationDefault: true,
          messageIncludes: ['127.0.0.1:8080', 'default before Kubernetes 1.20 is 8080'],
        },
      ],
    },
    {
      name: 'loopback bind address written (1.18): high',
      files: pod(['--insecure-bind-address=127.0.0.1']),
      findings: [{ line: 10, severity: 'high', locationDefault: false, messageIncludes: '127.0.0.1:8080' }],
    },
    {
      name: 'unset, the cluster version 1.18 from the request option',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --secure-port=6443\n' }],
      options: { kubernetesVersion: '1.18' },
      findings: [{ severity: 'high', messageIncludes: 'default before Kubernetes 1.20' }],
    },
    {
      name: 'insecure bind address on all interfaces, default port (1.18)',
      files: pod(['--insecure-bind-address=0.0.0.0']),
      findings: [{ line: 10, severity: 'critical', messageIncludes: '0.0.0.0:8080' }],
    },
    {
      name: 'version unknown: said so',
      files: [{ name: '/proc/1/cmdline', content: 'kube-apiserver --insecure-port=8080\n' }],
      findings: [{ severity: 'high', messageIncludes: 'the version is unknown' }],
    },
    {
      name: '1.20-1.23 accept only 0: start-up fails',
      files: pod(['--insecure-port=8080'], 'registry.k8s.io/kube-apiserver:v1.21.3'),
      findings: [{ line: 10, category: 'breakage', messageIncludes: 'only zero is allowed' }],
    },
  ],
});
