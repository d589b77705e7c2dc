import rule from '../../../../src/rules/node-to-control-plane/apiserver-service-account-lookup-disabled';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');

ruleTester(rule, {
  valid: [
    { name: 'default (true)', files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }] },
    {
      name: 'explicitly true',
      files: [{ name: file, content: apiserverPod(['--service-account-lookup=true']) }],
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
  ],
});
