/**
 * Which konnectivity-server each proxied egress selection reaches: by socket path for a uds transport,
 * the TCP-mode servers for a tcp transport, and otherwise every candidate (the mismatch is then
 * konnectivity-uds-mismatch's finding). Candidates are the servers on the API server's node, or every
 * server when the egress file came without the API server that names it.
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

export function proxiedSelections(model: ClusterModel): ProxiedSelection[] {
  const candidates = new Map<EgressSelector, ControlPlaneComponent[]>();
  for (const apiServer of model.apiServers) {
    if (apiServer.egressSelector.state !== 'uploaded') continue;
    const selector = apiServer.egressSelector.value;
    if (!candidates.has(selector)) candidates.set(selector, serversFor(apiServer, model));
  }
  return model.egressSelectors.flatMap((selector) => {
    const servers = candidates.get(selector) ?? model.konnectivityServers;
    return selector.selections.flatMap((selection) => {
      const transport = transportOf(selection);
      if (!transport) return [];
      const matching = servers.filter((server) => {
        const uds = KONNECTIVITY_SERVER.udsName.of(server).value;
        return transport === 'uds' ? uds === selection.udsName : uds === '';
      });
      return [{ selector, selection, transport, servers: matching.length > 0 ? matching : servers }];
    });
  });
}
