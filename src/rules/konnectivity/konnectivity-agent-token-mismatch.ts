import type { ControlPlaneComponent } from '../../model/control-plane';
import type { Flag } from '../../model/flags';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { mountFor, podOf, projectedTokens, type PodView } from '../../model/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding, type RuleContext } from '../../engine/rule';
import {
  KONNECTIVITY_AGENT_TOKEN,
  konnectivityAgent,
  konnectivityServer,
  upload,
  type RuleExamples,
} from '../support/examples';

/** Where the kubelet mounts the pod's default service-account token (automountServiceAccountToken). */
const DEFAULT_TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export default defineRule({
  id: 'konnectivity-agent-token-mismatch',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: 'The konnectivity-agent token does not match what the server accepts',
  description:
    "With token authentication the konnectivity-server reviews each agent's service-account token and accepts it only when its audience is --authentication-audience and it belongs to --agent-service-account in --agent-namespace. The agent sends the file --service-account-token-path names, normally a projected serviceAccountToken volume with that audience; the pod's default token carries the API server's own audience instead. Any difference and every agent is rejected, so nothing reaches the nodes.",
  remediation:
    "Mount a projected serviceAccountToken with audience equal to the server's --authentication-audience at the agent's --service-account-token-path, and run the agent under --agent-service-account in --agent-namespace.",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server', 'konnectivity-agent'],
  check: (model, context) => {
    const servers = model.konnectivityServers.flatMap((server) => {
      const audience = KONNECTIVITY_SERVER.authenticationAudience.of(server).flag;
      return audience?.value ? [{ server, audience }] : [];
    });
    return model.konnectivityAgents.flatMap((agent) =>
      servers.flatMap(({ server, audience }) => judge(agent, server, audience, context)),
    );
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(
    konnectivityServer([
      '--agent-namespace=kube-system',
      '--agent-service-account=konnectivity-agent',
      '--authentication-audience=system:konnectivity-server',
      '--kubeconfig=/etc/kubernetes/konnectivity-server.conf',
    ]),
    konnectivityAgent([`--service-account-token-path=${KONNECTIVITY_AGENT_TOKEN}`], 'konnectivity'),
  ),
  good: upload(
    konnectivityServer([
      '--agent-namespace=kube-system',
      '--agent-service-account=konnectivity-agent',
      '--authentication-audience=system:konnectivity-server',
      '--kubeconfig=/etc/kubernetes/konnectivity-server.conf',
    ]),
    konnectivityAgent(
      [`--service-account-token-path=${KONNECTIVITY_AGENT_TOKEN}`],
      'system:konnectivity-server',
    ),
  ),
});

function judge(
  agent: ControlPlaneComponent,
  server: ControlPlaneComponent,
  audience: Flag,
  context: RuleContext,
): RawFinding[] {
  const namespace = KONNECTIVITY_SERVER.agentNamespace.of(server).flag;
  const account = KONNECTIVITY_SERVER.agentServiceAccount.of(server).flag;
  const pod = podOf(agent);
  if (!pod) {
    context.notEvaluated(
      `${agent.name}: read from a command line, so its service account and token volume are unknown`,
    );
    return [];
  }
  const subject = `${agent.name} for ${server.name}`;
  const findings: RawFinding[] = [];
  if (namespace?.value && pod.namespace !== namespace.value) {
    findings.push({
      subject: `${subject} (namespace)`,
      message: `${agent.name} runs in namespace ${pod.namespace}, but ${server.name} accepts only agents in --agent-namespace=${namespace.value}: the server rejects its token.`,
      location: pod.doc.at('/metadata/namespace', pod.doc.get('/metadata/namespace') === undefined),
      related: [namespace.location],
      evidence: `namespace ${pod.namespace}; --agent-namespace=${namespace.value}`,
    });
  }
  if (account?.value && pod.serviceAccountName !== account.value) {
    findings.push({
      subject: `${subject} (service account)`,
      message: `${agent.name} runs as service account ${pod.serviceAccountName}${pod.serviceAccountLocation.default ? ' (serviceAccountName not set)' : ''}, but ${server.name} accepts only --agent-service-account=${account.value}: the server rejects its token.`,
      location: pod.serviceAccountLocation,
      related: [account.location],
      evidence: `serviceAccountName: ${pod.serviceAccountName}; --agent-service-account=${account.value}`,
    });
  }
  findings.push(...tokenAudience(agent, pod, server, audience, subject, context));
  return findings;
}

function tokenAudience(
  agent: ControlPlaneComponent,
  pod: PodView,
  server: ControlPlaneComponent,
  audience: Flag,
  subject: string,
  context: RuleContext,
): RawFinding[] {
  const pathFlag = KONNECTIVITY_AGENT.serviceAccountTokenPath.of(agent).flag;
  if (!pathFlag?.value) {
    return [
      {
        subject: `${subject} (token)`,
        message: `${agent.name} sets no --service-account-token-path, so it sends no token, but ${server.name} authenticates agents by token (--authentication-audience=${audience.value}): every agent is rejected.`,
        location: KONNECTIVITY_AGENT.serviceAccountTokenPath.defaultLocation(agent),
        related: [audience.location],
        evidence: '--service-account-token-path not set',
      },
    ];
  }
  const path = pathFlag.value;
  const token = projectedTokens(pod).find((t) => t.path === path);
  if (token) {
    if (token.audience === audience.value) return [];
    return [
      {
        subject: `${subject} (token)`,
        message: token.audience
          ? `${agent.name} sends the projected token ${path} with audience ${token.audience}, but ${server.name} expects --authentication-audience=${audience.value}: every agent is rejected.`
          : `${agent.name} sends the projected token ${path}, which sets no audience and so carries the API server's own audience, but ${server.name} expects --authentication-audience=${audience.value}: every agent is rejected.`,
        location: token.location,
        related: [audience.location, pathFlag.location],
        evidence: `audience: ${token.audience ?? '(not set)'}; --authentication-audience=${audience.value}`,
      },
    ];
  }
  if (path.startsWith(`${DEFAULT_TOKEN_DIR}/`) && !mountFor(pod, path)) {
    return [
      {
        subject: `${subject} (token)`,
        message: `${agent.name} sends the pod's default service-account token ${path}, whose audience is the API server's, but ${server.name} expects --authentication-audience=${audience.value}: every agent is rejected.`,
        location: pathFlag.location,
        related: [audience.location],
        evidence: `--service-account-token-path=${path}; --authentication-audience=${audience.value}`,
      },
    ];
  }
  if (!mountFor(pod, path)) {
    return [
      {
        subject: `${subject} (token)`,
        message: `${agent.name} reads its token from ${path}, but no volume of the pod provides that file: the agent exits at startup ("error checking service account token path") and never authenticates to ${server.name}.`,
        location: pathFlag.location,
        related: [pod.doc.at(`${pod.container}/volumeMounts`, true)],
        evidence: `--service-account-token-path=${path}, not mounted`,
      },
    ];
  }
  context.notEvaluated(
    `${agent.name}: ${path} comes from a volume that is not a projected serviceAccountToken, so its audience is unknown`,
  );
  return [];
}
