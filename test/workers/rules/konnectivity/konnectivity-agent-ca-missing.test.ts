import rule from '../../../../src/rules/konnectivity/konnectivity-agent-ca-missing';
import { KIND_AGENT, WEBSITE_AGENT } from '../../../support/konnectivity-corpus';
import { AGENT_PATH, edit } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task', files: [{ name: AGENT_PATH, content: WEBSITE_AGENT }] },
    { name: 'the kind example', files: [{ name: AGENT_PATH, content: KIND_AGENT }] },
  ],
  invalid: [
    {
      name: 'no --ca-cert',
      files: [{ name: AGENT_PATH, content: edit(WEBSITE_AGENT, /\s*"--ca-cert=[^"]*",/, '') }],
      findings: [
        {
          file: AGENT_PATH,
          line: 36,
          locationDefault: true,
          messageIncludes: ['no --ca-cert', '35.225.206.7'],
        },
      ],
    },
  ],
});
