import rule from '../../../../src/rules/konnectivity/konnectivity-server-frontend-insecure';
import { KIND_SERVER, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { SERVER_PATH, edit } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const socketArg = '"--uds-name=/etc/kubernetes/konnectivity-server/konnectivity-server.socket",';
const tcpServer = (extra = '') => edit(WEBSITE_SERVER, socketArg, extra);
const tls = '"--server-cert=/etc/k/server.crt", "--server-key=/etc/k/server.key",';

ruleTester(rule, {
  valid: [
    {
      name: 'the setup-konnectivity task: a unix socket',
      files: [{ name: SERVER_PATH, content: WEBSITE_SERVER }],
    },
    { name: 'the kind example', files: [{ name: 'konnectivity-server.yaml', content: KIND_SERVER }] },
    {
      name: 'TCP with mutual TLS',
      files: [{ name: SERVER_PATH, content: tcpServer(`${tls} "--server-ca-cert=/etc/k/ca.crt",`) }],
    },
  ],
  invalid: [
    {
      name: 'TCP without any TLS flag',
      files: [{ name: SERVER_PATH, content: tcpServer() }],
      findings: [
        {
          file: SERVER_PATH,
          line: 12,
          locationDefault: true,
          messageIncludes: ['--server-port=0', 'not encrypted', 'any client'],
        },
      ],
    },
    {
      name: 'TLS without client verification on an old release: security',
      files: [{ name: SERVER_PATH, content: tcpServer(tls) }],
      findings: [{ messageIncludes: 'without --server-ca-cert' }],
    },
    {
      name: 'no --server-ca-cert on v0.35.0 or later: the server does not start',
      files: [
        { name: SERVER_PATH, content: edit(tcpServer(tls), 'proxy-server:v0.0.32', 'proxy-server:v0.35.0') },
      ],
      findings: [{ category: 'breakage', messageIncludes: 'server ca cert must be set when in TCP mode' }],
    },
    {
      name: 'a cert without its key',
      files: [
        {
          name: SERVER_PATH,
          content: tcpServer('"--server-cert=/etc/k/server.crt", "--server-ca-cert=/etc/k/ca.crt",'),
        },
      ],
      findings: [{ category: 'breakage', messageIncludes: '--server-key is missing for its pair' }],
    },
  ],
});
