import type { ControlPlaneComponent } from '../../model/control-plane';
import { LINKS } from '../../catalogue/links';
import { KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { defineRule, type RawFinding } from '../../engine/rule';
import { konnectivityServer, upload, type RuleExamples } from '../support/examples';

export const TOKEN_AUTH_SETTINGS = [
  KONNECTIVITY_SERVER.agentNamespace,
  KONNECTIVITY_SERVER.agentServiceAccount,
  KONNECTIVITY_SERVER.authenticationAudience,
] as const;

export default defineRule({
  id: 'konnectivity-agent-auth-missing',
  path: 'konnectivity',
  severity: 'high',
  category: 'security',
  title: 'The konnectivity-server does not authenticate its agents',
  description:
    "The konnectivity-server hands the API server's traffic to whichever agent connects. It authenticates agents either by service-account token (--agent-namespace, --agent-service-account and --authentication-audience, all three, reviewed through --kubeconfig) or by client certificate (--cluster-ca-cert). With neither, anything that reaches --agent-port can register as an agent and receive logs, exec sessions and proxied requests. Setting only some of the three token flags, or combining them with --cluster-ca-cert, stops the server at startup.",
  remediation:
    "Set --agent-namespace, --agent-service-account and --authentication-audience (and --kubeconfig for the token reviews) to match the agents' projected service-account token, or set --cluster-ca-cert to the CA of the agents' --agent-cert.",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server'],
  check: (model) => model.konnectivityServers.flatMap(judge),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    konnectivityServer([
      '--agent-port=8132',
      '--cluster-cert=/etc/kubernetes/pki/apiserver.crt',
      '--cluster-key=/etc/kubernetes/pki/apiserver.key',
    ]),
  ),
  good: upload(
    konnectivityServer([
      '--agent-port=8132',
      '--cluster-cert=/etc/kubernetes/pki/apiserver.crt',
      '--cluster-key=/etc/kubernetes/pki/apiserver.key',
      '--agent-namespace=kube-system',
      '--agent-service-account=konnectivity-agent',
      '--authentication-audience=system:konnectivity-server',
      '--kubeconfig=/etc/kubernetes/konnectivity-server.conf',
    ]),
  ),
});

function judge(server: ControlPlaneComponent): RawFinding[] {
  const set = TOKEN_AUTH_SETTINGS.flatMap((setting) => {
    const flag = setting.of(server).flag;
    return flag?.value ? [flag] : [];
  });
  const clusterCa = KONNECTIVITY_SERVER.clusterCaCert.of(server).flag;
  if (set.length > 0) {
    const findings: RawFinding[] = [];
    const missing = TOKEN_AUTH_SETTINGS.map((setting) => setting.flag).filter(
      (name) => !set.some((flag) => flag.name === name),
    );
    if (missing.length > 0) {
      findings.push({
        subject: server.name,
        message: `${server.name} sets ${set.map((f) => `--${f.name}=${f.value}`).join(', ')} but not ${missing.map((m) => `--${m}`).join(', ')}: token authentication of agents needs all three, and the server exits at startup ("--${missing[0]} cannot be empty when agent authentication is enabled").`,
        location: KONNECTIVITY_SERVER.agentNamespace.defaultLocation(server),
        related: set.map((f) => f.location),
        evidence: `missing ${missing.map((m) => `--${m}`).join(', ')}`,
        category: 'breakage',
      });
    }
    if (clusterCa?.value) {
      findings.push({
        subject: `${server.name} --cluster-ca-cert`,
        message: `${server.name} sets --cluster-ca-cert=${clusterCa.value} together with token authentication of agents (${set.map((f) => `--${f.name}`).join(', ')}): the server exits at startup ("--cluster-ca-cert can not be used when agent authentication is enabled").`,
        location: clusterCa.location,
        related: set.map((f) => f.location),
        evidence: `--cluster-ca-cert=${clusterCa.value} with token authentication`,
        category: 'breakage',
      });
    }
    return findings;
  }
  if (clusterCa?.value) return [];
  return [
    {
      subject: server.name,
      message: `${server.name} authenticates its agents neither by service-account token (--agent-namespace, --agent-service-account, --authentication-audience) nor by client certificate (--cluster-ca-cert): any client that reaches the agent port can register as an agent and receive the API server's traffic.`,
      location: KONNECTIVITY_SERVER.clusterCaCert.defaultLocation(server),
      evidence:
        'no --agent-namespace/--agent-service-account/--authentication-audience, no --cluster-ca-cert',
    },
  ];
}
