import rule from '../../../../src/rules/node-to-control-plane/controller-manager-sa-private-key-missing';
import { manifestPath, staticPod } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-controller-manager');
const pod = (flags: string[]) => [{ name: file, content: staticPod('kube-controller-manager', flags) }];

ruleTester(rule, {
  valid: [{ name: 'key set', files: pod(['--service-account-private-key-file=/etc/kubernetes/pki/sa.key']) }],
  invalid: [
    {
      name: 'not set',
      files: pod(['--root-ca-file=/etc/kubernetes/pki/ca.crt']),
      findings: [
        { file, line: 8, locationDefault: true, messageIncludes: '--service-account-private-key-file' },
      ],
    },
  ],
});
