import rule from '../../../../src/rules/konnectivity/konnectivity-agent-auth-missing';
import { KIND_SERVER, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { SERVER_PATH, edit } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const withoutTokenAuth = edit(
  edit(WEBSITE_SERVER, /"--agent-namespace=[^"]*",\s*"--agent-service-account=[^"]*",/, ''),
  /,\s*"--authentication-audience=[^"]*"/,
  '',
);

ruleTester(rule, {
  valid: [
    {
      name: 'the setup-konnectivity task: service-account tokens',
      files: [{ name: SERVER_PATH, content: WEBSITE_SERVER }],
    },
    { name: 'the kind example', files: [{ name: 'konnectivity-server.yaml', content: KIND_SERVER }] },
    {
      name: 'client certificates instead (--cluster-ca-cert)',
      files: [
        {
          name: SERVER_PATH,
          content: edit(
            withoutTokenAuth,
            '"--mode=grpc",',
            '"--mode=grpc", "--cluster-ca-cert=/etc/kubernetes/pki/ca.crt",',
          ),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'no agent authentication at all',
      files: [{ name: SERVER_PATH, content: withoutTokenAuth }],
      findings: [
        {
          file: SERVER_PATH,
          line: 12,
          locationDefault: true,
          messageIncludes: 'any client that reaches the agent port',
        },
      ],
    },
    {
      name: 'two of the three token flags: the server does not start',
      files: [
        { name: SERVER_PATH, content: edit(WEBSITE_SERVER, /,\s*"--authentication-audience=[^"]*"/, '') },
      ],
      findings: [
        {
          category: 'breakage',
          messageIncludes: [
            'not --authentication-audience',
            'cannot be empty when agent authentication is enabled',
          ],
        },
      ],
    },
    {
      name: 'token flags together with --cluster-ca-cert',
      files: [
        {
          name: SERVER_PATH,
          content: edit(
            WEBSITE_SERVER,
            '"--mode=grpc",',
            '"--mode=grpc", "--cluster-ca-cert=/etc/kubernetes/pki/ca.crt",',
          ),
        },
      ],
      findings: [{ line: 23, category: 'breakage', messageIncludes: '--cluster-ca-cert can not be used' }],
    },
  ],
});
