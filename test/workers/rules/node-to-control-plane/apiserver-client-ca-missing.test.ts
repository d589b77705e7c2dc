import rule from '../../../../src/rules/node-to-control-plane/apiserver-client-ca-missing';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');

ruleTester(rule, {
  valid: [
    {
      name: 'client CA set',
      files: [{ name: file, content: apiserverPod(['--client-ca-file=/etc/kubernetes/pki/ca.crt']) }],
    },
  ],
  invalid: [
    {
      name: 'not set',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [{ file, line: 8, locationDefault: true, messageIncludes: 'does not set --client-ca-file' }],
    },
    {
      name: 'set to an empty value',
      files: [{ name: file, content: apiserverPod(['--client-ca-file=']) }],
      findings: [{ messageIncludes: '--client-ca-file' }],
    },
  ],
});
