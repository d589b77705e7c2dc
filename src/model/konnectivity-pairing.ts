/**
 * Which konnectivity-server each proxied egress selection reaches: by socket path for a uds transport,
 * the TCP-mode servers for a tcp transport, and otherwise every candidate (the mismatch is then
 * konnectivity-uds-mismatch's finding). Candidates are the servers on the API server's node, or every
 * server when the egress file came without the API server that names it.
 *
 * Then thousands of egress files and thousands of servers would be millions of guessed pairs, each a
 * finding: past MAX_PAIRS the remaining selections are left unpaired, and the rules say so. A real
 * control plane has a few of each.
 */
import type { ClusterModel } from './cluster-model';
import type { ControlPlaneComponent } from './control-plane';
import { transportOf, type EgressSelection, type EgressSelector } from './egress-selector';
import { serversFor } from './konnectivity';
import { KONNECTIVITY_SERVER } from './settings/konnectivity';

export interface ProxiedSelection {
  selector: EgressSelector;
  selection: EgressSelection;
  transport: 'uds' | 'tcp';
  servers: ControlPlaneComponent[];
}

/** Pairs of (egress selection, konnectivity-server) judged at most: a hundred times a large cluster's. */
export const MAX_PAIRS = 10_000;

export interface Pairing {
  proxied: ProxiedSelection[];
  /** Selections left unpaired past MAX_PAIRS. */
  unpaired: number;
}

/** Worked out once per model: two rules judge the same pairs (the model does not change once built). */
const pairings = new WeakMap<ClusterModel, Pairing>();

export function proxiedSelections(model: ClusterModel): Pairing {
  let pairing = pairings.get(model);
  if (!pairing) pairings.set(model, (pairing = pair(model)));
  return pairing;
}

function pair(model: ClusterModel): Pairing {
  const candidates = new Map<EgressSelector, ControlPlaneComponent[]>();
  for (const apiServer of model.apiServers) {
    if (apiServer.egressSelector.state !== 'uploaded') continue;
    const selector = apiServer.egressSelector.value;
    if (!candidates.has(selector)) candidates.set(selector, serversFor(apiServer, model));
  }
  const proxied: ProxiedSelection[] = [];
  let pairs = 0;
  let unpaired = 0;
  for (const selector of model.egressSelectors) {
    const servers = candidates.get(selector) ?? model.konnectivityServers;
    for (const selection of selector.selections) {
      const transport = transportOf(selection);
      if (!transport) continue;
      if (pairs >= MAX_PAIRS) {
        unpaired++;
        continue;
      }
      const matching = servers.filter((server) => {
        const uds = KONNECTIVITY_SERVER.udsName.of(server).value;
        return transport === 'uds' ? uds === selection.udsName : uds === '';
      });
      const paired = matching.length > 0 ? matching : servers;
      pairs += paired.length;
      proxied.push({ selector, selection, transport, servers: paired });
    }
  }
  return { proxied, unpaired };
}

/** What a rule says of the selections proxiedSelections left unpaired. */
export const unpairedReason = (unpaired: number): string =>
  `${unpaired} egress selections were not paired with konnectivity servers: the upload pairs more than ${MAX_PAIRS} selections and servers (upload the API servers that name the egress files, so that each is paired with the servers on its node)`;
