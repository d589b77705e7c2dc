import rule from '../../../../src/rules/node-to-control-plane/controller-manager-root-ca-missing';
import { manifestPath, staticPod } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-controller-manager');
const pod = (flags: string[]) => [{ name: file, content: staticPod('kube-controller-manager', flags) }];

ruleTester(rule, {
  valid: [{ name: 'root CA set', files: pod(['--root-ca-file=/etc/kubernetes/pki/ca.crt']) }],
  invalid: [
    {
      name: 'not set',
      files: pod(['--use-service-account-credentials=true']),
      findings: [{ file, line: 8, locationDefault: true, messageIncludes: 'kube-controller-manager' }],
    },
  ],
});
