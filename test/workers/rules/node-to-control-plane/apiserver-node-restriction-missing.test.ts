import rule from '../../../../src/rules/node-to-control-plane/apiserver-node-restriction-missing';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const pod = (flags: string[]) => [{ name: file, content: apiserverPod(flags) }];

ruleTester(rule, {
  valid: [
    { name: 'enabled', files: pod(['--enable-admission-plugins=NodeRestriction']) },
    {
      name: 'enabled among others, flag repeated',
      files: pod([
        '--enable-admission-plugins=PodSecurity',
        '--enable-admission-plugins=NodeRestriction,EventRateLimit',
      ]),
    },
  ],
  invalid: [
    {
      name: 'not set: it is not a default plugin',
      files: pod(['--secure-port=6443']),
      findings: [{ file, line: 8, locationDefault: true, messageIncludes: 'not on by default' }],
    },
    {
      name: 'other plugins only',
      files: pod(['--enable-admission-plugins=PodSecurity,EventRateLimit']),
      findings: [
        { file, line: 10, messageIncludes: '--enable-admission-plugins=PodSecurity,EventRateLimit' },
      ],
    },
    {
      name: 'enabled and disabled',
      files: pod([
        '--enable-admission-plugins=NodeRestriction',
        '--disable-admission-plugins=NodeRestriction',
      ]),
      findings: [{ line: 11, messageIncludes: 'disables NodeRestriction' }],
    },
  ],
});
