import type { ClusterModel } from '../../model/cluster-model';
import type { ControlPlaneComponent } from '../../model/control-plane';
import { effective } from '../../model/konnectivity';
import { KONNECTIVITY_SERVER } from '../../model/settings/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding, type RuleContext } from '../../engine/rule';
import { proxiedSelections, unpairedReason } from '../../model/konnectivity-pairing';
import {
  KONNECTIVITY_SOCKET,
  egressSelector,
  konnectivityServer,
  upload,
  type RuleExamples,
} from '../support/examples';
import { own } from '../../security/own-property';

const MODE_OF: Record<string, string> = { GRPC: 'grpc', HTTPConnect: 'http-connect' };

export default defineRule({
  id: 'konnectivity-mode-mismatch',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: 'The egress proxyProtocol and the konnectivity-server --mode disagree',
  description:
    "The API server speaks the egress selection's proxyProtocol to the Konnectivity server, which only understands its own --mode (default grpc): GRPC needs --mode=grpc, HTTPConnect needs --mode=http-connect. With the two out of step every proxied request fails. A --mode other than grpc or http-connect stops the server at startup.",
  remediation:
    'Set the konnectivity-server --mode to match the egress selection (grpc for GRPC, http-connect for HTTPConnect), or change proxyProtocol to match the server.',
  links: [LINKS.setupKonnectivity],
  references: [],
  requires: ['egress-selector', 'konnectivity-server'],
  check: (model, context) => [
    ...model.konnectivityServers.flatMap(invalidMode),
    ...mismatches(model, context),
  ],
});

export const examples = (): RuleExamples => ({
  bad: upload(
    egressSelector(),
    konnectivityServer([`--uds-name=${KONNECTIVITY_SOCKET}`, '--server-port=0', '--mode=http-connect']),
  ),
  good: upload(
    egressSelector(),
    konnectivityServer([`--uds-name=${KONNECTIVITY_SOCKET}`, '--server-port=0', '--mode=grpc']),
  ),
});

function invalidMode(server: ControlPlaneComponent): RawFinding[] {
  const mode = effective(server, KONNECTIVITY_SERVER.mode);
  if (mode.value === 'grpc' || mode.value === 'http-connect') return [];
  return [
    {
      subject: server.name,
      message: `${server.name} sets ${mode.describe}: the server accepts only grpc or http-connect and exits at startup ("mode must be set to either 'grpc' or 'http-connect'").`,
      location: mode.location,
      evidence: mode.describe,
    },
  ];
}

function mismatches(model: ClusterModel, context: RuleContext): RawFinding[] {
  const { proxied, unpaired } = proxiedSelections(model);
  if (unpaired > 0) context.notEvaluated(unpairedReason(unpaired), unpaired);
  return proxied.flatMap(({ selector, selection, servers }) =>
    servers.flatMap((server) => {
      const mode = effective(server, KONNECTIVITY_SERVER.mode);
      const wanted = own(MODE_OF, selection.proxyProtocol ?? '');
      if (!wanted || mode.value === wanted || !Object.values(MODE_OF).includes(mode.value)) return [];
      return [
        {
          subject: `${server.name} for the ${selection.name} egress selection`,
          message: `The ${selection.name} egress selection in ${selector.file} uses proxyProtocol ${selection.proxyProtocol}, but ${server.name} runs with ${mode.describe}: it needs --mode=${wanted}, and every request through it fails.`,
          location: mode.location,
          related: [selector.doc.at(`${selection.pointer}/connection/proxyProtocol`)],
          evidence: `proxyProtocol: ${selection.proxyProtocol}; ${mode.describe}`,
        },
      ];
    }),
  );
}
