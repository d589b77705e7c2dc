import type { ControlPlaneComponent } from '../../model/control-plane';
import { effective, type Effective } from '../../model/konnectivity';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { konnectivityAgent, konnectivityServer, upload, type RuleExamples } from '../support/examples';
import { namedFew, SHOWN } from '../support/named-few';

export default defineRule({
  id: 'konnectivity-agent-port-mismatch',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: 'The konnectivity-agent dials a port the server does not listen on for agents',
  description:
    'Agents dial --proxy-server-port (default 8091) and the konnectivity-server accepts them on --agent-port (default 8091). The docs manifests change both to 8132; changing only one leaves every agent unable to connect, so logs, exec, port-forward and proxied requests fail. A Service in between may map one port to the other: that mapping is not read.',
  remediation:
    "Set the agent's --proxy-server-port to the server's --agent-port (or the port of the Service or load balancer in front of it).",
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['konnectivity-server', 'konnectivity-agent'],
  check: (model) => {
    const servers = serverPorts(model.konnectivityServers);
    return model.konnectivityAgents.flatMap((agent) => judge(agent, servers));
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(
    konnectivityServer(['--agent-port=8132']),
    konnectivityAgent(['--proxy-server-host=10.0.0.10', '--proxy-server-port=8091']),
  ),
  good: upload(
    konnectivityServer(['--agent-port=8132']),
    konnectivityAgent(['--proxy-server-host=10.0.0.10', '--proxy-server-port=8132']),
  ),
});

interface ServerPorts {
  ports: ReadonlySet<number>;
  /** The first SHOWN servers, for the message and places. */
  shown: Array<{ server: ControlPlaneComponent; port: Effective<number> }>;
  total: number;
}

/** The ports the servers accept agents on, found once for every agent (an upload may hold thousands of each). */
function serverPorts(servers: readonly ControlPlaneComponent[]): ServerPorts {
  const ports = new Set<number>();
  for (const server of servers) ports.add(effective(server, KONNECTIVITY_SERVER.agentPort).value);
  const shown = servers
    .slice(0, SHOWN)
    .map((server) => ({ server, port: effective(server, KONNECTIVITY_SERVER.agentPort) }));
  return { ports, shown, total: servers.length };
}

function judge(agent: ControlPlaneComponent, { ports, shown, total }: ServerPorts): RawFinding[] {
  const port = effective(agent, KONNECTIVITY_AGENT.proxyServerPort);
  if (ports.has(port.value)) return [];
  return [
    {
      subject: agent.name,
      message: `${agent.name} dials the konnectivity-server on ${port.describe}, but ${namedFew(
        shown.map((s) => `${s.server.name} accepts agents on ${s.port.describe}`),
        total,
      )}: the agents cannot connect.`,
      location: port.location,
      related: shown.map((s) => s.port.location),
      evidence: `${port.describe}; ${namedFew(
        shown.map((s) => s.port.describe),
        total,
        ', ',
      )}`,
    },
  ];
}
