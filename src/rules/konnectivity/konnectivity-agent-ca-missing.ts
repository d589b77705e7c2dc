import { LINKS } from '../../catalogue/links';
import { KONNECTIVITY_AGENT } from '../../model/settings/konnectivity';
import { defineRule } from '../../engine/rule';
import { konnectivityAgent, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'konnectivity-agent-ca-missing',
  path: 'konnectivity',
  severity: 'high',
  category: 'security',
  title: 'The konnectivity-agent does not verify the server it tunnels through',
  description:
    "Without --ca-cert the konnectivity-agent has no CA to check the konnectivity-server's certificate against, so it cannot tell the real server from anyone who intercepts the connection, and hands that party its service-account token and the API server's traffic to nodes, pods and services.",
  remediation:
    "Set --ca-cert on the konnectivity-agent to the CA that signed the server's --cluster-cert (the setup-konnectivity task uses the service account's ca.crt, the cluster CA).",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-agent'],
  check: (model) =>
    model.konnectivityAgents
      .filter((agent) => !KONNECTIVITY_AGENT.caCert.isSet(agent))
      .map((agent) => ({
        subject: agent.name,
        message: `${agent.name} sets no --ca-cert: it cannot verify the konnectivity-server at ${KONNECTIVITY_AGENT.proxyServerHost.of(agent).flag?.value ?? '127.0.0.1 (default)'} before sending it its token and tunnelling the API server's traffic.`,
        location: KONNECTIVITY_AGENT.caCert.defaultLocation(agent),
        evidence: '--ca-cert not set',
      })),
});

export const examples = (): RuleExamples => ({
  bad: upload(konnectivityAgent(['--proxy-server-host=10.0.0.10', '--proxy-server-port=8132'])),
  good: upload(
    konnectivityAgent([
      '--ca-cert=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
      '--proxy-server-host=10.0.0.10',
      '--proxy-server-port=8132',
    ]),
  ),
});
