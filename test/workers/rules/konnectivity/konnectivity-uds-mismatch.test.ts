import rule from '../../../../src/rules/konnectivity/konnectivity-uds-mismatch';
import { KIND_SERVER, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import {
  EGRESS_VOLUME,
  SERVER_PATH,
  apiserverPod,
  docsSetup,
  edit,
  kindSetup,
} from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const socket = '/etc/kubernetes/konnectivity-server/konnectivity-server.socket';

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task', files: docsSetup() },
    { name: 'the apiserver-network-proxy kind example (DaemonSet server)', files: kindSetup() },
    {
      name: 'a server alone, in UDS mode with --server-port=0',
      files: [{ name: SERVER_PATH, content: WEBSITE_SERVER }],
    },
  ],
  invalid: [
    {
      name: 'the server listens on another socket',
      files: docsSetup({
        server: edit(
          WEBSITE_SERVER,
          `--uds-name=${socket}`,
          '--uds-name=/etc/kubernetes/konnectivity-server/proxy.socket',
        ),
      }),
      findings: [
        {
          file: SERVER_PATH,
          line: 16,
          messageIncludes: [
            `dials the socket ${socket}`,
            '--uds-name=/etc/kubernetes/konnectivity-server/proxy.socket',
          ],
        },
      ],
    },
    {
      name: 'the server runs in TCP mode',
      files: kindSetup({ server: edit(KIND_SERVER, `"--uds-name=${socket}",`, '') }),
      findings: [
        {
          file: 'konnectivity-server.yaml',
          locationDefault: true,
          messageIncludes: 'sets no --uds-name and listens on TCP',
        },
      ],
    },
    {
      name: '--uds-name without --server-port=0 (default 8090)',
      files: [{ name: SERVER_PATH, content: edit(WEBSITE_SERVER, '"--server-port=0",', '') }],
      findings: [
        {
          file: SERVER_PATH,
          line: 12,
          locationDefault: true,
          messageIncludes: ['--server-port not set (default 8090)', 'server port should be set to 0'],
        },
      ],
    },
    {
      name: '--uds-name with --server-cert',
      files: [
        {
          name: SERVER_PATH,
          content: edit(
            WEBSITE_SERVER,
            '"--server-port=0",',
            '"--server-port=0", "--server-cert=/etc/kubernetes/pki/k.crt",',
          ),
        },
      ],
      findings: [
        {
          file: SERVER_PATH,
          line: 24,
          messageIncludes: '--server-cert=/etc/kubernetes/pki/k.crt together with --uds-name',
        },
      ],
    },
    {
      name: 'the server does not mount the socket directory',
      files: docsSetup({
        server: edit(
          WEBSITE_SERVER,
          / {4}- name: konnectivity-uds\n {6}mountPath: \/etc\/kubernetes\/konnectivity-server\n {6}readOnly: false\n/,
          '',
        ),
      }),
      findings: [{ file: SERVER_PATH, messageIncludes: ['inside its own container', 'never sees it'] }],
    },
    {
      name: 'the two pods mount the socket directory from different host paths',
      files: docsSetup({
        apiserver: apiserverPod(undefined, [
          EGRESS_VOLUME,
          {
            name: 'konnectivity-uds',
            hostPath: '/var/run/konnectivity',
            mountPath: '/etc/kubernetes/konnectivity-server',
          },
        ]),
      }),
      findings: [
        {
          file: SERVER_PATH,
          line: 59,
          messageIncludes: [
            `at ${socket} on the host`,
            'map to /var/run/konnectivity/konnectivity-server.socket',
          ],
        },
      ],
    },
  ],
});
