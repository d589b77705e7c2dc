import type { ClusterModel } from '../../model/cluster-model';
import type { ControlPlaneComponent } from '../../model/control-plane';
import { apiServersUsing, dirname, effective, hostPathOf, mountFor, podOf } from '../../model/konnectivity';
import { KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { proxiedSelections, unpairedReason, type ProxiedSelection } from '../../model/konnectivity-pairing';
import {
  KONNECTIVITY_SOCKET,
  egressSelector,
  konnectivityServer,
  upload,
  type RuleExamples,
} from '../support/examples';

export default defineRule({
  id: 'konnectivity-uds-mismatch',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: 'The API server and the konnectivity-server do not meet at the same unix socket',
  description:
    "With a uds transport the API server dials the egress selection's udsName and the konnectivity-server listens on its --uds-name. The two paths must be equal and, when either runs in a pod, lie in one host directory mounted by both (hostPath volumes). The server also refuses to start with --uds-name unless --server-port is 0 (its default is 8090) and --server-cert, --server-key and --server-ca-cert are unset.",
  remediation:
    "Give konnectivity-server --uds-name the egress selection's udsName, add --server-port=0, and mount the socket directory from the same hostPath in both pods (the setup-konnectivity task uses /etc/kubernetes/konnectivity-server).",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server'],
  check: (model, context) => {
    const { proxied, unpaired } = proxiedSelections(model);
    if (unpaired > 0) context.notEvaluated(unpairedReason(unpaired), unpaired);
    return [
      ...model.konnectivityServers.flatMap(startupErrors),
      ...proxied.filter((p) => p.transport === 'uds').flatMap((p) => socketMismatches(p, model)),
    ];
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(
    egressSelector(),
    konnectivityServer(['--uds-name=/var/run/konnectivity.socket', '--server-port=0']),
  ),
  good: upload(
    egressSelector(),
    konnectivityServer([`--uds-name=${KONNECTIVITY_SOCKET}`, '--server-port=0']),
  ),
});

function startupErrors(server: ControlPlaneComponent): RawFinding[] {
  const uds = KONNECTIVITY_SERVER.udsName.of(server).flag;
  if (!uds?.value) return [];
  const findings: RawFinding[] = [];
  const port = effective(server, KONNECTIVITY_SERVER.serverPort);
  if (port.value !== 0) {
    findings.push({
      subject: server.name,
      message: `${server.name} sets --uds-name=${uds.value} with ${port.describe}: the server exits at startup ("server port should be set to 0 not ${port.value} for UDS"). Add --server-port=0.`,
      location: port.location,
      related: [uds.location],
      evidence: `--uds-name=${uds.value}; ${port.describe}`,
    });
  }
  for (const setting of [
    KONNECTIVITY_SERVER.serverCert,
    KONNECTIVITY_SERVER.serverKey,
    KONNECTIVITY_SERVER.serverCaCert,
  ]) {
    const flag = setting.of(server).flag;
    const name = setting.flag;
    if (!flag?.value) continue;
    findings.push({
      subject: `${server.name} --${name}`,
      message: `${server.name} sets --${name}=${flag.value} together with --uds-name=${uds.value}: the server exits at startup (TLS flags for the API server side are not allowed with a unix socket).`,
      location: flag.location,
      related: [uds.location],
      evidence: `--uds-name=${uds.value}; --${name}=${flag.value}`,
    });
  }
  return findings;
}

function socketMismatches(
  { selector, selection, servers }: ProxiedSelection,
  model: ClusterModel,
): RawFinding[] {
  const socket = selection.udsName ?? '';
  const udsAt = selector.doc.at(`${selection.pointer}/connection/transport/uds/udsName`);
  return servers.flatMap((server): RawFinding[] => {
    const uds = KONNECTIVITY_SERVER.udsName.of(server).flag;
    const subject = `${server.name} for the ${selection.name} egress selection`;
    if (uds?.value !== socket) {
      const port = effective(server, KONNECTIVITY_SERVER.serverPort);
      return [
        {
          subject,
          message: `The ${selection.name} egress selection in ${selector.file} dials the socket ${socket}, but ${server.name} ${uds?.value ? `listens on --uds-name=${uds.value}` : `sets no --uds-name and listens on TCP (${port.describe})`}: the API server cannot reach it.`,
          location: uds?.location ?? KONNECTIVITY_SERVER.udsName.defaultLocation(server),
          related: [udsAt],
          evidence: `udsName: ${socket}; ${uds ? `--uds-name=${uds.value}` : '--uds-name not set'}`,
        },
      ];
    }
    const serverPod = podOf(server);
    let serverHost: string | undefined = socket;
    if (serverPod) {
      serverHost = hostPathOf(serverPod, socket);
      const mount = mountFor(serverPod, socket);
      const samePod = apiServersUsing(model, selector.doc).some((a) => a.doc === serverPod.doc);
      if (!serverHost && !(mount && samePod)) {
        return [
          {
            subject,
            message: `${server.name} creates its socket ${socket} ${mount ? `on the ${mount.volumeType} volume ${mount.volumeName}` : 'inside its own container (no volume mounts ' + dirname(socket) + ')'}, so the API server, which dials ${socket} for the ${selection.name} egress selection (${selector.file}), never sees it. Mount ${dirname(socket)} from a hostPath in both pods.`,
            location: mount?.location ?? serverPod.doc.at(`${serverPod.container}/volumeMounts`, true),
            related: [uds.location, udsAt],
            evidence: `--uds-name=${socket}; mounts: ${serverPod.mounts.map((m) => m.mountPath).join(', ') || '(none)'}`,
          },
        ];
      }
    }
    if (!serverHost) return [];
    return apiServersUsing(model, selector.doc).flatMap((api): RawFinding[] => {
      const apiPod = podOf(api);
      const apiHost = apiPod ? hostPathOf(apiPod, socket) : socket;
      // Not mounted at all is egress-selector-not-mounted's finding.
      if (!apiHost || apiHost === serverHost) return [];
      const apiMount = apiPod ? mountFor(apiPod, socket) : undefined;
      return [
        {
          subject: `${subject} and ${api.name}`,
          message: `${server.name} creates its socket at ${serverHost} on the host, but ${api.name} dials ${socket}, which its volumes map to ${apiHost} on the host: the two pods do not share the socket directory.`,
          location: (serverPod ? mountFor(serverPod, socket)?.location : undefined) ?? uds.location,
          related: [...(apiMount ? [apiMount.location] : []), udsAt],
          evidence: `konnectivity-server host path ${serverHost}; kube-apiserver host path ${apiHost}`,
        },
      ];
    });
  });
}
