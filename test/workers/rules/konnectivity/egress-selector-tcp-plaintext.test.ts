import rule from '../../../../src/rules/konnectivity/egress-selector-tcp-plaintext';
import { WEBSITE_EGRESS } from '../../../support/konnectivity-corpus';
import { APISERVER_PATH, EGRESS_PATH, apiserverPod, egressConfig } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const tcp = (url: string, protocol = 'HTTPConnect') => [
  'proxyProtocol: ' + protocol,
  'transport:',
  '  tcp:',
  `    url: ${url}`,
];

ruleTester(rule, {
  valid: [
    {
      name: 'the setup-konnectivity task: GRPC over a unix socket',
      files: [{ name: EGRESS_PATH, content: WEBSITE_EGRESS }],
    },
    {
      name: 'HTTPConnect over https',
      files: [
        {
          name: EGRESS_PATH,
          content: egressConfig([
            {
              name: 'cluster',
              connection: [
                ...tcp('https://10.0.0.10:8131'),
                '    tlsConfig:',
                '      clientCert: /c.crt',
                '      clientKey: /c.key',
              ],
            },
          ]),
        },
      ],
    },
    {
      name: 'GRPC with both transports dials the socket only (the API server ignores tcp)',
      files: [
        {
          name: EGRESS_PATH,
          content: egressConfig([
            {
              name: 'cluster',
              connection: [...tcp('http://10.0.0.10:8131', 'GRPC'), '  uds:', '    udsName: /run/k.socket'],
            },
          ]),
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'HTTPConnect to http://, pointing at the API server flag too',
      files: [
        { name: APISERVER_PATH, content: apiserverPod() },
        {
          name: EGRESS_PATH,
          content: egressConfig([{ name: 'cluster', connection: tcp('http://10.0.0.10:8131') }]),
        },
      ],
      findings: [
        { file: EGRESS_PATH, line: 9, messageIncludes: ['cluster selection', 'http://10.0.0.10:8131'] },
      ],
    },
  ],
});
