import { kubernetesServicePorts } from '../../model/kubernetes-service';
import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { apiserver, kubernetesService, upload, type RuleExamples } from '../support/examples';
import { namedFew, SHOWN } from '../support/named-few';

export default defineRule({
  id: 'kubernetes-service-endpoint-insecure',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: "The kubernetes Service does not lead to the API server's secure port",
  description:
    "Pods reach the API server through the default/kubernetes Service: kube-proxy redirects its port 443 to the target port on the API server's address, as listed in the Endpoints and EndpointSlice. The API server keeps them at its --secure-port (default 6443); another port means pods talk to something else, such as a plain-HTTP port or a proxy, instead of the authenticated HTTPS endpoint.",
  remediation:
    "Make the default/kubernetes Service's targetPort and its Endpoints and EndpointSlice ports the API server's --secure-port (delete them and the API server recreates them).",
  links: [LINKS.kubeApiserverFlags],
  references: [],
  requires: ['apiserver', 'kubernetes-service'],
  check: (model) => {
    const secure = new Map(model.apiServers.map((s) => [s.securePort.value, s.securePort]));
    // The same for every Service document: the first SHOWN secure ports named and placed, once.
    const expected = [...secure.values()].slice(0, SHOWN);
    const ports = `${namedFew(
      expected.map((e) => String(e.value)),
      secure.size,
      ' or ',
    )} (${namedFew(
      expected.map((e) => e.describe),
      secure.size,
    )})`;
    const related = expected.map((e) => e.location);
    return model.kubernetesService.flatMap((doc) =>
      kubernetesServicePorts(doc)
        .filter((p) => typeof p.port === 'number' && !secure.has(p.port))
        .map((p) => ({
          subject: `${String(doc.value.kind)} default/kubernetes`,
          message: `The ${p.describe} is ${p.port}, not the API server's secure port ${ports}.`,
          location: p.location,
          related: [...related],
          evidence: `${p.describe}: ${p.port}`,
        })),
    );
  },
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--secure-port=6443']), kubernetesService(8080)),
  good: upload(apiserver(['--secure-port=6443']), kubernetesService(6443)),
});
