import rule from '../../../../src/rules/node-to-control-plane/controller-manager-service-account-credentials';
import { manifestPath, staticPod } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-controller-manager');
const pod = (flags: string[]) => [{ name: file, content: staticPod('kube-controller-manager', flags) }];

ruleTester(rule, {
  valid: [{ name: 'true', files: pod(['--use-service-account-credentials=true']) }],
  invalid: [
    {
      name: 'default false',
      files: pod(['--root-ca-file=/etc/kubernetes/pki/ca.crt']),
      findings: [{ file, line: 8, locationDefault: true, messageIncludes: 'not set (default false)' }],
    },
    {
      name: 'explicitly false',
      files: pod(['--use-service-account-credentials=false']),
      findings: [{ file, line: 10, messageIncludes: '--use-service-account-credentials=false' }],
    },
  ],
});
