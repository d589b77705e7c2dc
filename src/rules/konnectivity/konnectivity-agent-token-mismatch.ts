import type { ControlPlaneComponent } from '../../model/control-plane';
import type { Flag } from '../../model/flags';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { mountFor, podOf, projectedTokens, type PodView } from '../../model/konnectivity';
import { LINKS } from '../../catalogue/links';
import type { Location } from '../../schemas/common';
import { namedFew, SHOWN } from '../support/named-few';
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
    const servers = model.konnectivityServers.flatMap((server): Server[] => {
      const audience = KONNECTIVITY_SERVER.authenticationAudience.of(server).flag;
      if (!audience?.value) return [];
      const namespace = KONNECTIVITY_SERVER.agentNamespace.of(server).flag;
      const account = KONNECTIVITY_SERVER.agentServiceAccount.of(server).flag;
      return [{ server, audience, namespace, account }];
    });
    if (servers.length === 0) return [];
    const accepts: Accepts = {
      namespace: byValue(servers, (s) => s.namespace),
      account: byValue(servers, (s) => s.account),
      audience: byValue(servers, (s) => s.audience),
    };
    return model.konnectivityAgents.flatMap((agent) => judge(agent, accepts, context));
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

/** A server that authenticates agents by token, with what it checks of them. */
interface Server {
  server: ControlPlaneComponent;
  audience: Flag;
  namespace: Flag | undefined;
  account: Flag | undefined;
}

/** Servers that check one thing of an agent (their name and flag), by the value they accept, in upload order. */
type ByValue = ReadonlyMap<string, ReadonlyArray<{ name: string; flag: Flag }>>;

interface Accepts {
  namespace: ByValue;
  account: ByValue;
  audience: ByValue;
}

function byValue(servers: readonly Server[], flagOf: (server: Server) => Flag | undefined): ByValue {
  const groups = new Map<string, Array<{ name: string; flag: Flag }>>();
  for (const server of servers) {
    const flag = flagOf(server);
    if (!flag?.value) continue;
    const entry = { name: server.server.name, flag };
    const group = groups.get(flag.value);
    if (group) group.push(entry);
    else groups.set(flag.value, [entry]);
  }
  return groups;
}

/**
 * The servers that reject an agent for one reason, as a finding's words. An upload may hold thousands
 * of servers: an agent has one finding per reason, naming the first SHOWN servers, values and flags,
 * and it is worked out from the servers' distinct values, not server by server.
 */
interface Rejecting {
  subject: string;
  /** `konnectivity-server (…)`, or the first SHOWN names and how many more. */
  names: string;
  /** The flags' values, `kube-system`, or the first SHOWN distinct values. */
  values: string;
  /** Picks the verb: `accepts` for one server, `accept` for more. */
  one: boolean;
  related: Location[];
}

function rejecting(
  agent: ControlPlaneComponent,
  reason: string,
  groups: ByValue,
  accepted: string | undefined,
): Rejecting | undefined {
  const names: string[] = [];
  const values: string[] = [];
  const related: Location[] = [];
  let servers = 0;
  let distinct = 0;
  for (const [value, group] of groups) {
    if (value === accepted) continue;
    servers += group.length;
    distinct++;
    if (values.length < SHOWN) values.push(value);
    for (const { name, flag } of group.slice(0, SHOWN - names.length)) {
      names.push(name);
      related.push(flag.location);
    }
  }
  if (servers === 0) return undefined;
  const named = namedFew(names, servers, ', ');
  return {
    subject: `${agent.name} for ${named} (${reason})`,
    names: named,
    values: namedFew(values, distinct, ', '),
    one: servers === 1,
    related,
  };
}

function judge(agent: ControlPlaneComponent, accepts: Accepts, context: RuleContext): RawFinding[] {
  const pod = podOf(agent);
  if (!pod) {
    context.notEvaluated(
      `${agent.name}: read from a command line, so its service account and token volume are unknown`,
      serverCount(accepts.audience),
    );
    return [];
  }
  const findings: RawFinding[] = [];
  const inOther = rejecting(agent, 'namespace', accepts.namespace, pod.namespace);
  if (inOther) {
    findings.push({
      subject: inOther.subject,
      message: `${agent.name} runs in namespace ${pod.namespace}, but ${inOther.names} ${inOther.one ? 'accepts' : 'accept'} only agents in --agent-namespace=${inOther.values}: ${inOther.one ? 'the server rejects' : 'they reject'} its token.`,
      location: pod.doc.at('/metadata/namespace', pod.doc.get('/metadata/namespace') === undefined),
      related: inOther.related,
      evidence: `namespace ${pod.namespace}; --agent-namespace=${inOther.values}`,
    });
  }
  const asOther = rejecting(agent, 'service account', accepts.account, pod.serviceAccountName);
  if (asOther) {
    findings.push({
      subject: asOther.subject,
      message: `${agent.name} runs as service account ${pod.serviceAccountName}${pod.serviceAccountLocation.default ? ' (serviceAccountName not set)' : ''}, but ${asOther.names} ${asOther.one ? 'accepts' : 'accept'} only --agent-service-account=${asOther.values}: ${asOther.one ? 'the server rejects' : 'they reject'} its token.`,
      location: pod.serviceAccountLocation,
      related: asOther.related,
      evidence: `serviceAccountName: ${pod.serviceAccountName}; --agent-service-account=${asOther.values}`,
    });
  }
  findings.push(...tokenAudience(agent, pod, accepts.audience, context));
  return findings;
}

const serverCount = (groups: ByValue): number =>
  [...groups.values()].reduce((sum, group) => sum + group.length, 0);

function tokenAudience(
  agent: ControlPlaneComponent,
  pod: PodView,
  audiences: ByValue,
  context: RuleContext,
): RawFinding[] {
  // Every server that expects a token: none accepts an agent that sends none, or the wrong one.
  const all = rejecting(agent, 'token', audiences, undefined);
  if (!all) return [];
  const pathFlag = KONNECTIVITY_AGENT.serviceAccountTokenPath.of(agent).flag;
  if (!pathFlag?.value) {
    return [
      {
        subject: all.subject,
        message: `${agent.name} sets no --service-account-token-path, so it sends no token, but ${all.names} ${all.one ? 'authenticates' : 'authenticate'} agents by token (--authentication-audience=${all.values}): every agent is rejected.`,
        location: KONNECTIVITY_AGENT.serviceAccountTokenPath.defaultLocation(agent),
        related: all.related,
        evidence: '--service-account-token-path not set',
      },
    ];
  }
  const path = pathFlag.value;
  const token = projectedTokens(pod).find((t) => t.path === path);
  if (token) {
    const them = rejecting(agent, 'token', audiences, token.audience);
    if (!them) return [];
    const expects = `${them.names} ${them.one ? 'expects' : 'expect'} --authentication-audience=${them.values}`;
    return [
      {
        subject: them.subject,
        message: token.audience
          ? `${agent.name} sends the projected token ${path} with audience ${token.audience}, but ${expects}: every agent is rejected.`
          : `${agent.name} sends the projected token ${path}, which sets no audience and so carries the API server's own audience, but ${expects}: every agent is rejected.`,
        location: token.location,
        related: [...them.related, pathFlag.location],
        evidence: `audience: ${token.audience ?? '(not set)'}; --authentication-audience=${them.values}`,
      },
    ];
  }
  if (path.startsWith(`${DEFAULT_TOKEN_DIR}/`) && !mountFor(pod, path)) {
    return [
      {
        subject: all.subject,
        message: `${agent.name} sends the pod's default service-account token ${path}, whose audience is the API server's, but ${all.names} ${all.one ? 'expects' : 'expect'} --authentication-audience=${all.values}: every agent is rejected.`,
        location: pathFlag.location,
        related: all.related,
        evidence: `--service-account-token-path=${path}; --authentication-audience=${all.values}`,
      },
    ];
  }
  if (!mountFor(pod, path)) {
    return [
      {
        subject: all.subject,
        message: `${agent.name} reads its token from ${path}, but no volume of the pod provides that file: the agent exits at startup ("error checking service account token path") and never authenticates to ${all.names}.`,
        location: pathFlag.location,
        related: [pod.doc.at(`${pod.container}/volumeMounts`, true)],
        evidence: `--service-account-token-path=${path}, not mounted`,
      },
    ];
  }
  context.notEvaluated(
    `${agent.name}: ${path} comes from a volume that is not a projected serviceAccountToken, so its audience is unknown`,
    serverCount(audiences),
  );
  return [];
}
