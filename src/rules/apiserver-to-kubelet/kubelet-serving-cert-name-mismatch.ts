import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import type { ApiServer } from '../../model/apiserver';
import { certificateCovers, parseIp } from '../../model/certificates-hosts';
import type { ClusterModel } from '../../model/cluster-model';
import type { Kubelet } from '../../model/kubelet';
import { kubeletKubeconfig } from '../../model/kubeconfig';
import { KUBELET_FLAGS } from '../../model/kubelet-settings';
import { APISERVER } from '../../model/settings/kube-apiserver';
import type { Location } from '../../schemas/common';
import { bindingsOf, describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { verifyingApiServers } from '../support/verifying-apiservers';
import { subjectOf } from '../support/trust-findings';

/** kube-apiserver's --kubelet-preferred-address-types default (cmd/kube-apiserver/app/options/options.go). */
const DEFAULT_ADDRESS_TYPES = ['Hostname', 'InternalDNS', 'InternalIP', 'ExternalDNS', 'ExternalIP'];

interface Address {
  type: string;
  value: string;
  describe: string;
  location: Location;
}

export default defineRule({
  id: 'kubelet-serving-cert-name-mismatch',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'breakage',
  title: "A kubelet's serving certificate does not name the address the API server dials",
  description:
    'When the API server verifies kubelets (--kubelet-certificate-authority), it dials each node at the first address of --kubelet-preferred-address-types the node has (without a cloud provider: its hostname and its InternalIP, --node-ip) and checks that the kubelet\'s serving certificate names that address in its SANs. A certificate that does not fails logs, exec, attach and port-forward with "x509: certificate is valid for …, not …".',
  remediation:
    "Issue the kubelet's serving certificate with the address the API server dials in its SANs (with serverTLSBootstrap the kubelet requests its hostname and node IPs; set --node-ip so it knows the right one), or change --kubelet-preferred-address-types to an address the certificates name.",
  links: [LINKS.kubeletServingCertificates, LINKS.kubeApiserverFlags, LINKS.kubeletFlags],
  references: [],
  requires: ['apiserver', 'kubelet', 'certificates'],
  check: (model, context) => {
    const verifying = verifyingApiServers(model);
    if (verifying.length === 0) {
      context.notEvaluated('no kube-apiserver verifies kubelets with --kubelet-certificate-authority');
      return [];
    }
    return model.kubelets.flatMap((kubelet): RawFinding[] => {
      const binding = bindingsOf(model, 'kubelet-serving', kubelet)[0];
      const first = binding?.bundle?.certificates[0];
      const certificate = first ? model.certificates.info(first) : undefined;
      if (!binding?.bundle || !first || !certificate) {
        context.notEvaluated(
          `${kubelet.name}: ${binding ? `${binding.setting}: ${binding.missing ?? 'cannot be read'}` : 'its configuration is unknown'}`,
        );
        return [];
      }
      if (model.certificates.issuedWithin(binding.bundle)) return []; // kubelet-serving-cert-unverifiable
      return verifying.flatMap(({ server }): RawFinding[] => {
        const address = dialedAddress(model, server, kubelet);
        if (typeof address === 'string') {
          context.notEvaluated(`${kubelet.name}: ${address}`);
          return [];
        }
        if (certificateCovers(certificate, address.value)) return [];
        const names = [...certificate.dnsNames, ...certificate.ipAddresses];
        return [
          {
            subject: subjectOf(certificate),
            message: `${server.name} dials ${kubelet.name} at ${address.value} (${address.describe}), but its serving certificate ${certificate.subject.text} (${binding.setting}) is valid for ${names.join(', ') || 'no name'}: logs, exec, attach and port-forward fail.`,
            location: first.location,
            related: [binding.location, address.location],
            evidence: `${describeCertificate(certificate)}; dialed: ${address.value}`,
          },
        ];
      });
    });
  },
});

export const examples = (): RuleExamples => ({ bad: X.kubeletServingNoIp, good: X.kubeadm });

/** The address the API server dials, or why it cannot be known from the upload. */
function dialedAddress(model: ClusterModel, server: ApiServer, kubelet: Kubelet): Address | string {
  if (KUBELET_FLAGS.cloudProvider.isSet(kubelet)) return 'its addresses come from the cloud provider';
  const preferred = APISERVER.kubeletClient.preferredAddressTypes.of(server);
  const flag = preferred.flag;
  const types = flag ? preferred.value.map((t) => t.trim()) : DEFAULT_ADDRESS_TYPES;
  const order = flag
    ? `the first of --kubelet-preferred-address-types=${flag.value} the node has`
    : 'the first of the default --kubelet-preferred-address-types the node has';
  const where = preferred.location;
  for (const type of types) {
    if (type === 'Hostname') {
      const hostname = hostnameOf(model, kubelet);
      if (!hostname)
        return 'its hostname, the address the API server dials, is not in the upload (set --hostname-override)';
      return {
        type,
        value: hostname.value,
        describe: `its Hostname, ${hostname.how}; ${order}`,
        location: hostname.location ?? where,
      };
    }
    if (type === 'InternalIP') {
      const nodeIp = KUBELET_FLAGS.nodeIp.written(kubelet);
      const ip = nodeIp?.value.split(',')[0]?.trim();
      if (!nodeIp || !ip || !parseIp(ip) || /^(0\.0\.0\.0|::)$/.test(ip))
        return 'its InternalIP, the address the API server dials, is not in the upload (set --node-ip)';
      return { type, value: ip, describe: `its InternalIP, --node-ip; ${order}`, location: nodeIp.location };
    }
    // InternalDNS, ExternalDNS and ExternalIP come only from a cloud provider: without one a node has none.
  }
  return 'none of the --kubelet-preferred-address-types is an address a node without a cloud provider has';
}

/** The kubelet's hostname: --hostname-override, else its node name as its client certificate or kubeconfig says. */
function hostnameOf(
  model: ClusterModel,
  kubelet: Kubelet,
): { value: string; how: string; location?: Location } | undefined {
  const override = KUBELET_FLAGS.hostnameOverride.written(kubelet);
  if (override?.value)
    return {
      value: override.value.trim().toLowerCase(),
      how: '--hostname-override',
      location: override.location,
    };
  const kubeconfig = kubeletKubeconfig(kubelet, model.kubeconfigs, 'kubelet');
  if (!kubeconfig) return undefined;
  const first = bindingsOf(model, 'kubeconfig-client', kubeconfig)[0]?.bundle?.certificates[0];
  const cn = first ? model.certificates.info(first)?.subject.commonName : undefined;
  if (cn?.startsWith('system:node:'))
    return { value: cn.slice('system:node:'.length), how: 'the node name its client certificate gives' };
  const user = kubeconfig.currentUser?.name;
  if (user?.startsWith('system:node:'))
    return { value: user.slice('system:node:'.length), how: 'the node name its kubeconfig user gives' };
  return undefined;
}
