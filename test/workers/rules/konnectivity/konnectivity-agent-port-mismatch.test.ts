import rule from '../../../../src/rules/konnectivity/konnectivity-agent-port-mismatch';
import { KIND_AGENT, WEBSITE_AGENT, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { AGENT_PATH, SERVER_PATH, docsSetup, edit, kindSetup } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task (8132 on both sides)', files: docsSetup() },
    { name: 'the kind example (8091 on both sides)', files: kindSetup() },
    {
      name: 'both at the binary default 8091',
      files: [
        { name: SERVER_PATH, content: edit(WEBSITE_SERVER, '"--agent-port=8132",', '') },
        { name: AGENT_PATH, content: edit(WEBSITE_AGENT, /\s*"--proxy-server-port=8132",/, '') },
      ],
    },
  ],
  invalid: [
    {
      name: 'the docs server with the kind agent',
      files: [
        { name: SERVER_PATH, content: WEBSITE_SERVER },
        { name: AGENT_PATH, content: KIND_AGENT },
      ],
      findings: [
        { file: AGENT_PATH, line: 50, messageIncludes: ['--proxy-server-port=8091', '--agent-port=8132'] },
      ],
    },
    {
      name: 'the agent left at its default 8091',
      files: docsSetup({ agent: edit(WEBSITE_AGENT, /\s*"--proxy-server-port=8132",/, '') }),
      findings: [
        {
          file: AGENT_PATH,
          locationDefault: true,
          messageIncludes: '--proxy-server-port not set (default 8091)',
        },
      ],
    },
    {
      name: 'twelve servers on 8132 and an agent on 8091: one finding, naming ten servers',
      files: [
        ...Array.from({ length: 12 }, (_, i) => ({
          name: SERVER_PATH.replace(/\.yaml$/, `-${i}.yaml`),
          content: WEBSITE_SERVER,
        })),
        { name: AGENT_PATH, content: KIND_AGENT },
      ],
      findings: [
        { file: AGENT_PATH, line: 50, messageIncludes: ['accepts agents on --agent-port=8132 and 2 more:'] },
      ],
    },
  ],
});
