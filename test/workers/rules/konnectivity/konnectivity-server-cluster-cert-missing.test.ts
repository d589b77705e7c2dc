import rule from '../../../../src/rules/konnectivity/konnectivity-server-cluster-cert-missing';
import { KIND_SERVER, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { SERVER_PATH, edit } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task', files: [{ name: SERVER_PATH, content: WEBSITE_SERVER }] },
    { name: 'the kind example', files: [{ name: 'konnectivity-server.yaml', content: KIND_SERVER }] },
    {
      name: 'a cert without its key does not start: tls-key-pair-incomplete says so',
      files: [{ name: SERVER_PATH, content: edit(WEBSITE_SERVER, /"--cluster-key=[^"]*",/, '') }],
    },
  ],
  invalid: [
    {
      name: 'neither --cluster-cert nor --cluster-key',
      files: [
        {
          name: SERVER_PATH,
          content: edit(WEBSITE_SERVER, /"--cluster-cert=[^"]*",\s*"--cluster-key=[^"]*",/, ''),
        },
      ],
      findings: [
        {
          file: SERVER_PATH,
          line: 12,
          locationDefault: true,
          messageIncludes: 'neither --cluster-cert nor --cluster-key',
        },
      ],
    },
  ],
});
