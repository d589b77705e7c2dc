import rule from '../../../../src/rules/node-to-control-plane/apiserver-token-auth-file';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');

ruleTester(rule, {
  valid: [
    {
      name: 'no static tokens',
      files: [{ name: file, content: apiserverPod(['--enable-bootstrap-token-auth=true']) }],
    },
  ],
  invalid: [
    {
      name: 'static token file',
      files: [{ name: file, content: apiserverPod(['--token-auth-file=/etc/kubernetes/tokens.csv']) }],
      findings: [
        { file, line: 10, messageIncludes: 'listed in /etc/kubernetes/tokens.csv (--token-auth-file)' },
      ],
    },
  ],
});
