import { transportOf } from '../../model/egress-selector';
import { egressFlagLocations } from '../../model/konnectivity';
import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { egressSelector, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'egress-selector-tcp-plaintext',
  path: 'konnectivity',
  severity: 'high',
  category: 'security',
  title: 'The API server reaches the Konnectivity server over plain HTTP',
  description:
    "An egress selection with proxyProtocol HTTPConnect and a tcp transport whose url starts with http:// sends the CONNECT requests, and the traffic inside them, to the Konnectivity server unencrypted and without authenticating either side. Anyone on that network can read or redirect the API server's traffic to nodes, pods and services (or etcd and the control plane, for those selections).",
  remediation:
    "Use a uds transport when the Konnectivity server runs on the API server's host, or an https:// url with tlsConfig caBundle, clientCert and clientKey (and --server-cert, --server-key, --server-ca-cert on the Konnectivity server).",
  links: [LINKS.setupKonnectivity, LINKS.egressSelectorConfiguration],
  references: [],
  requires: ['egress-selector'],
  check: (model) =>
    model.egressSelectors.flatMap((selector) =>
      selector.selections
        .filter((s) => transportOf(s) === 'tcp' && s.tcpUrl?.startsWith('http://'))
        .map((s) => ({
          subject: `EgressSelectorConfiguration (${selector.file})`,
          message: `EgressSelectorConfiguration ${selector.file}: the ${s.name} selection sends ${s.proxyProtocol} traffic to the Konnectivity server at ${s.tcpUrl} as plain HTTP, unencrypted and unauthenticated.`,
          location: selector.doc.at(`${s.pointer}/connection/transport/tcp/url`),
          related: egressFlagLocations(model, selector.doc),
          evidence: `url: ${s.tcpUrl}`,
        })),
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    egressSelector([
      '- name: cluster',
      '  connection:',
      '    proxyProtocol: HTTPConnect',
      '    transport:',
      '      tcp:',
      '        url: http://10.0.0.10:8131',
    ]),
  ),
  good: upload(
    egressSelector([
      '- name: cluster',
      '  connection:',
      '    proxyProtocol: HTTPConnect',
      '    transport:',
      '      tcp:',
      '        url: https://10.0.0.10:8131',
      '        tlsConfig:',
      '          caBundle: /etc/kubernetes/pki/konnectivity/ca.crt',
      '          clientCert: /etc/kubernetes/pki/konnectivity/client.crt',
      '          clientKey: /etc/kubernetes/pki/konnectivity/client.key',
    ]),
  ),
});
