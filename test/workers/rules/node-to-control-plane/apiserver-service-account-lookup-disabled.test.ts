import rule from '../../../../src/rules/node-to-control-plane/apiserver-service-account-lookup-disabled';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const image = (v: string) => `registry.k8s.io/kube-apiserver:v${v}`;

ruleTester(rule, {
  valid: [
    { name: 'default (true)', files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }] },
    {
      name: 'explicitly true',
      files: [{ name: file, content: apiserverPod(['--service-account-lookup=true']) }],
    },
    {
      name: 'unset on 1.7, the first version where it defaults to true',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443'], image('1.7.0')) }],
    },
    {
      name: 'set to true on 1.6',
      files: [{ name: file, content: apiserverPod(['--service-account-lookup=true'], image('1.6.13')) }],
    },
  ],
  invalid: [
    {
      name: 'disabled',
      files: [{ name: file, content: apiserverPod(['--service-account-lookup=false']) }],
      findings: [{ file, line: 10, messageIncludes: '--service-account-lookup=false' }],
    },
    {
      name: 'disabled, Go boolean spelling',
      files: [{ name: file, content: apiserverPod(['--service-account-lookup=F']) }],
      findings: [{ messageIncludes: '--service-account-lookup=F' }],
    },
    {
      name: 'unset on 1.6, whose default is false',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443'], image('1.6.13')) }],
      findings: [
        {
          file,
          locationDefault: true,
          messageIncludes: ['default is false before Kubernetes 1.7', 'runs 1.6'],
        },
      ],
    },
    {
      name: 'unset, the cluster version 1.6 from the request option',
      files: [
        {
          name: file,
          content: apiserverPod(['--secure-port=6443'], image('1.31.0').replace(':v1.31.0', ':latest')),
        },
      ],
      options: { kubernetesVersion: '1.6' },
      findings: [{ locationDefault: true, messageIncludes: 'runs 1.6' }],
    },
  ],
});
