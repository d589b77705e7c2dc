import rule from '../../../../src/rules/konnectivity/konnectivity-agent-token-mismatch';
import { WEBSITE_AGENT, WEBSITE_SERVER } from '../../../support/konnectivity-corpus';
import { AGENT_PATH, SERVER_PATH, docsSetup, edit, kindSetup } from '../../../support/konnectivity-setup';
import { ruleTester } from '../../../support/rule-tester';

const pair = (agent: string, server = WEBSITE_SERVER) => [
  { name: SERVER_PATH, content: server },
  { name: AGENT_PATH, content: agent },
];

/** Twelve servers (one file each), three of them expecting another audience, and the agent. */
const twelveServers = (agent: string) => [
  ...Array.from({ length: 12 }, (_, i) => ({
    name: SERVER_PATH.replace(/\.yaml$/, `-${i}.yaml`),
    content: i < 3 ? WEBSITE_SERVER : edit(WEBSITE_SERVER, 'system:konnectivity-server', 'konnectivity'),
  })),
  { name: AGENT_PATH, content: agent },
];

ruleTester(rule, {
  valid: [
    { name: 'the setup-konnectivity task', files: docsSetup() },
    { name: 'the apiserver-network-proxy kind example', files: kindSetup() },
    {
      name: 'a server that authenticates agents by certificate has nothing to match',
      files: pair(
        edit(WEBSITE_AGENT, /\s*"--service-account-token-path=[^"]*",/, ''),
        edit(
          edit(WEBSITE_SERVER, /"--agent-namespace=[^"]*",\s*"--agent-service-account=[^"]*",/, ''),
          /,\s*"--authentication-audience=[^"]*"/,
          '',
        ),
      ),
    },
  ],
  invalid: [
    {
      name: 'a different token audience',
      files: pair(edit(WEBSITE_AGENT, 'audience: "system:konnectivity-server"', 'audience: "konnectivity"')),
      findings: [
        {
          file: AGENT_PATH,
          line: 70,
          messageIncludes: ['audience konnectivity', '--authentication-audience=system:konnectivity-server'],
        },
      ],
    },
    {
      name: 'twelve servers, nine expecting another audience: one finding, the first ten of them named',
      files: twelveServers(WEBSITE_AGENT),
      findings: [
        {
          file: AGENT_PATH,
          line: 70,
          messageIncludes: [
            'with audience system:konnectivity-server, but konnectivity-server (',
            '-11.yaml) expect --authentication-audience=konnectivity: every agent is rejected.',
          ],
        },
      ],
    },
    {
      name: 'twelve servers and no token: one finding, ten named and two counted',
      files: twelveServers(edit(WEBSITE_AGENT, /\s*"--service-account-token-path=[^"]*",/, '')),
      findings: [
        {
          locationDefault: true,
          messageIncludes: [
            '-9.yaml) and 2 more authenticate agents by token (--authentication-audience=system:konnectivity-server, konnectivity)',
          ],
        },
      ],
    },
    {
      name: 'a projected token without audience',
      files: pair(edit(WEBSITE_AGENT, /,\s*audience: "system:konnectivity-server",/, ',')),
      findings: [{ file: AGENT_PATH, messageIncludes: "carries the API server's own audience" }],
    },
    {
      name: 'another service account and namespace',
      files: pair(
        edit(
          edit(
            WEBSITE_AGENT,
            'serviceAccountName: "konnectivity-agent"',
            'serviceAccountName: "proxy-agent"',
          ),
          'namespace: "kube-system"',
          'namespace: "konnectivity"',
        ),
      ),
      findings: [
        {
          file: AGENT_PATH,
          line: 12,
          messageIncludes: ['namespace konnectivity', '--agent-namespace=kube-system'],
        },
        {
          file: AGENT_PATH,
          line: 63,
          messageIncludes: ['service account proxy-agent', '--agent-service-account=konnectivity-agent'],
        },
      ],
    },
    {
      name: 'no serviceAccountName: the pod runs as default',
      files: pair(edit(WEBSITE_AGENT, 'serviceAccountName: "konnectivity-agent",', '')),
      findings: [
        { locationDefault: true, messageIncludes: 'service account default (serviceAccountName not set)' },
      ],
    },
    {
      name: 'the default service-account token',
      files: pair(
        edit(
          WEBSITE_AGENT,
          '/var/run/secrets/tokens/konnectivity-agent-token',
          '/var/run/secrets/kubernetes.io/serviceaccount/token',
        ),
      ),
      findings: [{ line: 48, messageIncludes: 'default service-account token' }],
    },
    {
      name: 'no --service-account-token-path',
      files: pair(edit(WEBSITE_AGENT, /\s*"--service-account-token-path=[^"]*",/, '')),
      findings: [{ locationDefault: true, messageIncludes: 'sends no token' }],
    },
    {
      name: 'a token path no volume provides',
      files: pair(
        edit(
          WEBSITE_AGENT,
          '/var/run/secrets/tokens/konnectivity-agent-token',
          '/var/run/konnectivity/token',
        ),
      ),
      findings: [{ line: 48, messageIncludes: 'no volume of the pod provides that file' }],
    },
  ],
  notEvaluated: [
    {
      name: 'a token from a Secret volume',
      files: pair(
        edit(WEBSITE_AGENT, /projected: \{[\s\S]*?\n {10}\},\n/, 'secret: { secretName: "agent-token" },\n'),
      ),
      reasonIncludes: 'its audience is unknown',
    },
  ],
});
