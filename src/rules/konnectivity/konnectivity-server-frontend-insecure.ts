import type { ControlPlaneComponent } from '../../model/control-plane';
import { effective, proxyVersion } from '../../model/konnectivity';
import { KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { konnectivityServer, upload, type RuleExamples } from '../support/examples';

const TLS_SETTINGS = [
  KONNECTIVITY_SERVER.serverCert,
  KONNECTIVITY_SERVER.serverKey,
  KONNECTIVITY_SERVER.serverCaCert,
] as const;

export default defineRule({
  id: 'konnectivity-server-frontend-insecure',
  path: 'konnectivity',
  severity: 'high',
  category: 'security',
  title: 'The konnectivity-server accepts API server connections over TCP without mutual TLS',
  description:
    'Without --uds-name the konnectivity-server listens for the API server on TCP (--server-port, default 8090, on every interface unless --server-bind-address is set). Without --server-cert and --server-key that port speaks plain text, and without --server-ca-cert any client that reaches it can use the server to open connections into the cluster network. Since apiserver-network-proxy v0.35.0 the server refuses to start in TCP mode without --server-ca-cert, and a cert without its key (or the reverse) always stops it.',
  remediation:
    "Run the konnectivity-server on the API server's host with --uds-name and --server-port=0, or set --server-cert, --server-key and --server-ca-cert and point the egress selection at an https:// url with tlsConfig.",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server'],
  check: (model) => model.konnectivityServers.flatMap(judge),
});

export const examples = (): RuleExamples => ({
  bad: upload(konnectivityServer(['--mode=http-connect', '--server-port=8131'])),
  good: upload(
    konnectivityServer([
      '--mode=http-connect',
      '--server-port=8131',
      '--server-cert=/etc/kubernetes/pki/konnectivity/server.crt',
      '--server-key=/etc/kubernetes/pki/konnectivity/server.key',
      '--server-ca-cert=/etc/kubernetes/pki/konnectivity/ca.crt',
    ]),
  ),
});

function judge(server: ControlPlaneComponent): RawFinding[] {
  if (KONNECTIVITY_SERVER.udsName.isSet(server)) return [];
  const missing = TLS_SETTINGS.filter((setting) => !setting.isSet(server)).map((setting) => setting.flag);
  if (missing.length === 0) return [];
  const port = effective(server, KONNECTIVITY_SERVER.serverPort);
  const version = proxyVersion(server);
  const caRequired = version !== undefined && (version[0] > 0 || version[1] >= 35);
  const unpaired = missing.includes('server-cert') !== missing.includes('server-key');
  const breaks = unpaired || (caRequired && missing.includes('server-ca-cert'));
  const reasons = [
    ...(missing.includes('server-cert') && missing.includes('server-key')
      ? ['the API server connection is not encrypted']
      : []),
    ...(unpaired
      ? [
          `--${missing.find((m) => m !== 'server-ca-cert')} is missing for its pair, so the server exits at startup`,
        ]
      : []),
    ...(missing.includes('server-ca-cert')
      ? [
          caRequired
            ? `no --server-ca-cert: ${server.image} (v0.35.0 or later) exits at startup ("server ca cert must be set when in TCP mode")`
            : 'no --server-ca-cert, so any client that reaches the port can tunnel into the cluster network',
        ]
      : []),
  ];
  return [
    {
      subject: server.name,
      message: `${server.name} listens for the API server on TCP (no --uds-name, ${port.describe}) without ${missing.map((m) => `--${m}`).join(', ')}: ${reasons.join('; ')}.`,
      location: KONNECTIVITY_SERVER.serverCert.defaultLocation(server),
      related: port.flag ? [port.flag.location] : [],
      evidence: `--uds-name not set; missing ${missing.map((m) => `--${m}`).join(', ')}`,
      ...(breaks ? { category: 'breakage' as const } : {}),
    },
  ];
}
