import type { ControlPlaneComponent } from '../../model/control-plane';
import { LINKS } from '../../catalogue/links';
import { KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { defineRule, type RawFinding } from '../../engine/rule';
import { konnectivityServer, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'konnectivity-server-cluster-cert-missing',
  path: 'konnectivity',
  severity: 'high',
  category: 'security',
  title: 'The konnectivity-server has no serving certificate for its agents',
  description:
    "Agents dial the konnectivity-server's --agent-port from the node network and carry all the API server's traffic to nodes, pods and services through it. Without --cluster-cert and --cluster-key the agents cannot verify that they reached the real server, so anyone who can intercept that connection receives the tunnelled traffic, including the agent's service-account token. Setting only one of the two stops the server at startup: tls-key-pair-incomplete reports that.",
  remediation:
    "Set --cluster-cert and --cluster-key on the konnectivity-server to a certificate the agents' --ca-cert trusts (the setup-konnectivity task uses the API server's certificate and the cluster CA).",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server'],
  check: (model) => model.konnectivityServers.flatMap(judge),
});

export const examples = (): RuleExamples => ({
  bad: upload(konnectivityServer(['--agent-port=8132'])),
  good: upload(
    konnectivityServer([
      '--agent-port=8132',
      '--cluster-cert=/etc/kubernetes/pki/apiserver.crt',
      '--cluster-key=/etc/kubernetes/pki/apiserver.key',
    ]),
  ),
});

function judge(server: ControlPlaneComponent): RawFinding[] {
  const cert = KONNECTIVITY_SERVER.clusterCert.of(server).flag;
  const key = KONNECTIVITY_SERVER.clusterKey.of(server).flag;
  // Half the pair stops the server at startup: tls-key-pair-incomplete's finding.
  if (cert?.value || key?.value) return [];
  return [
    {
      subject: server.name,
      message: `${server.name} sets neither --cluster-cert nor --cluster-key: its agents cannot verify the server they tunnel the API server's traffic through.`,
      location: KONNECTIVITY_SERVER.clusterCert.defaultLocation(server),
      evidence: '--cluster-cert and --cluster-key not set',
    },
  ];
}
