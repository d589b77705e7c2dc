import type { ApiServer } from '../../model/apiserver';
import { flagRemovedIn } from '../../model/flag-facts/flag-status';
import { compareMinor } from '../../model/version';
import type { ClusterModel } from '../../model/cluster-model';
import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule, type RawFinding, type RuleContext } from '../../engine/rule';
import {
  EGRESS_SELECTOR_FILE,
  KONNECTIVITY_MOUNTS,
  apiserver,
  egressSelector,
  upload,
  withHostPaths,
  type RuleExamples,
} from '../support/examples';

const TUNNELLING_PROTOCOLS = new Set(['GRPC', 'HTTPConnect']);

export default defineRule({
  id: 'proxy-traffic-unprotected',
  path: 'apiserver-to-nodes-pods-services',
  severity: 'high',
  trustedSeverity: 'info',
  category: 'security',
  title: 'API server proxy traffic crosses the network as plain HTTP',
  description:
    'Connections from the API server to nodes, pods and services (the API server proxy) are plain HTTP, neither authenticated nor encrypted, unless Konnectivity (an egress selection named cluster through GRPC or HTTPConnect), the k3s/RKE2 tunnels (egress-selector-mode pod or cluster) or an SSH tunnel carries them. The Kubernetes docs: not currently safe to run over untrusted or public networks.',
  remediation:
    'Deploy the Konnectivity service and point --egress-selector-config-file at an EgressSelectorConfiguration whose cluster selection uses proxyProtocol GRPC (or HTTPConnect), or keep control plane to node traffic on a trusted network.',
  links: [LINKS.konnectivityService, LINKS.setupKonnectivity],
  references: [],
  requires: ['apiserver'],
  check: (model, context) =>
    model.apiServers.flatMap((server) =>
      judge(server, model, context).map((finding) => ({
        ...finding,
        message: model.network === 'trusted' ? `${finding.message} ${TRUSTED}` : finding.message,
      })),
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--secure-port=6443'])),
  good: upload(
    withHostPaths(
      apiserver(['--secure-port=6443', `--egress-selector-config-file=${EGRESS_SELECTOR_FILE}`]),
      KONNECTIVITY_MOUNTS,
    ),
    egressSelector(),
  ),
});

const TRUSTED =
  'This is accepted because network=trusted says no one untrusted can reach the network between the control plane and the nodes.';

function judge(server: ApiServer, model: ClusterModel, context: RuleContext): RawFinding[] {
  const egress = server.egressSelector;
  if (egress.state === 'missing') {
    context.notEvaluated(
      `${server.name}: --egress-selector-config-file names ${egress.flag.value}, which was not uploaded`,
    );
    return [];
  }
  if (egress.state === 'uploaded') {
    const cluster = egress.value.selection('cluster');
    if (cluster?.proxyProtocol && TUNNELLING_PROTOCOLS.has(cluster.proxyProtocol)) return [];
    return [
      {
        subject: server.name,
        message: cluster
          ? `${server.name} sends proxy traffic to nodes, pods and services directly: the cluster egress selection in ${egress.value.file} uses proxyProtocol ${cluster.proxyProtocol ?? '(none)'}.`
          : `${server.name} sends proxy traffic to nodes, pods and services directly: ${egress.value.file} has no egress selection named cluster.`,
        location: egress.value.doc.at(
          cluster ? `${cluster.pointer}/connection/proxyProtocol` : '/egressSelections',
          !cluster,
        ),
        related: [egress.flag.location],
        evidence: cluster
          ? `cluster: proxyProtocol ${cluster.proxyProtocol ?? '(none)'}`
          : 'no cluster egress selection',
      },
    ];
  }
  // k3s and RKE2 write the egress selector themselves, from egress-selector-mode.
  const tunnel = server.tunnel;
  if (tunnel) {
    if (tunnel.podsAndServices) return [];
    return [
      {
        subject: server.name,
        message: `${server.name} sends proxy traffic to pods and services as plain HTTP: egress-selector-mode ${tunnel.mode}${tunnel.location.default ? ' (the default)' : ''} makes ${tunnel.distribution} tunnel ${tunnel.kubelet ? 'kubelet traffic only' : 'nothing'}.`,
        location: tunnel.location,
        evidence: `egress-selector-mode: ${tunnel.mode}`,
      },
    ];
  }
  // The deprecated SSH tunnel carries the traffic only while the flags exist (removed in 1.22).
  const sshFlagsExist =
    !model.version || compareMinor(model.version.minor, flagRemovedIn('kube-apiserver', 'ssh-user')) < 0;
  if (sshFlagsExist && APISERVER.ssh.user.isSet(server) && APISERVER.ssh.keyfile.isSet(server)) return [];
  return [
    {
      subject: server.name,
      message: `${server.name} sends proxy traffic to nodes, pods and services as plain HTTP: it sets no --egress-selector-config-file (Konnectivity) and no SSH tunnel.`,
      location: APISERVER.egressSelectorConfigFile.defaultLocation(server),
      evidence: '--egress-selector-config-file not set',
    },
  ];
}
