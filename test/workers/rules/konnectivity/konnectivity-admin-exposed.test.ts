import rule from '../../../../src/rules/konnectivity/konnectivity-admin-exposed';
import { WEBSITE_AGENT, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { AGENT_PATH, SERVER_PATH, docsSetup, edit } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task (default 127.0.0.1)', files: docsSetup() },
    {
      name: 'explicit loopback addresses',
      files: [
        {
          name: SERVER_PATH,
          content: edit(
            WEBSITE_SERVER,
            '"--admin-port=8133",',
            '"--admin-port=8133", "--admin-bind-address=127.0.0.1",',
          ),
        },
        {
          name: AGENT_PATH,
          content: edit(
            WEBSITE_AGENT,
            '"--admin-server-port=8133",',
            '"--admin-server-port=8133", "--admin-bind-address=[::1]",',
          ),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'server and agent bound to every interface',
      files: [
        {
          name: SERVER_PATH,
          content: edit(
            WEBSITE_SERVER,
            '"--admin-port=8133",',
            '"--admin-port=8133", "--admin-bind-address=0.0.0.0", "--enable-profiling",',
          ),
        },
        {
          name: AGENT_PATH,
          content: edit(
            WEBSITE_AGENT,
            '"--admin-server-port=8133",',
            '"--admin-server-port=8133", "--admin-bind-address=0.0.0.0",',
          ),
        },
      ],
      findings: [
        { file: SERVER_PATH, line: 26, messageIncludes: 'pprof profiling enabled' },
        { file: AGENT_PATH, line: 46, messageIncludes: ['--admin-bind-address=0.0.0.0', 'port 8133'] },
      ],
    },
  ],
});
