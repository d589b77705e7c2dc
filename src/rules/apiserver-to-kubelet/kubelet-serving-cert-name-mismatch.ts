import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import type { ApiServer } from '../../model/apiserver';
import { groupBy } from '../../model/group-by';
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
import { SHOWN } from '../support/named-few';
import { subjectOf } from '../support/trust-findings';

/** kube-apiserver's --kubelet-preferred-address-types default (cmd/kube-apiserver/app/options/options.go). */
const DEFAULT_ADDRESS_TYPES = ['Hostname', 'InternalDNS', 'InternalIP', 'ExternalDNS', 'ExternalIP'];

/** A kubelet's address; without a location when it is not written in the upload (a node name). */
interface KubeletAddress {
  value: string;
  describe: string;
  location: Location | undefined;
}

interface Address {
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
    const dialers = groupBy(
      verifying.map((v) => v.server),
      (server) => dialedType(server),
    );
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
      // The servers that dial alike, judged once each way (the kubelet's hostname or its InternalIP),
      // not once per API server; a finding names the first SHOWN that fail.
      const shown: Array<{ server: ApiServer; address: Address }> = [];
      let total = 0;
      for (const [type, servers] of dialers) {
        const address = addressOf(model, kubelet, type);
        if (typeof address === 'string') {
          context.notEvaluated(`${kubelet.name}: ${address}`, servers.length);
          continue;
        }
        if (certificateCovers(certificate, address.value)) continue;
        for (const server of servers.slice(0, SHOWN - shown.length))
          shown.push({ server, address: dialedAs(address, server) });
        total += servers.length;
      }
      if (shown.length === 0) return [];
      const names = [...certificate.dnsNames, ...certificate.ipAddresses];
      const dials = groupBy(shown, ({ address }) => `${address.value} (${address.describe})`);
      const who = [...dials]
        .map(
          ([at, alike]) =>
            `${alike.map((d) => d.server.name).join(', ')} ${alike.length === 1 ? 'dials' : 'dial'} ${kubelet.name} at ${at}`,
        )
        .join('; ');
      return [
        {
          subject: subjectOf(certificate),
          message: `${who}${total > shown.length ? ` and ${total - shown.length} more` : ''}, but its serving certificate ${certificate.subject.text} (${binding.setting}) is valid for ${names.join(', ') || 'no name'}: logs, exec, attach and port-forward fail.`,
          location: first.location,
          related: [binding.location, ...new Set(shown.map((d) => d.address.location))],
          evidence: `${describeCertificate(certificate)}; dialed: ${[...new Set(shown.map((d) => d.address.value))].join(', ')}`,
        },
      ];
    });
  },
});

export const examples = (): RuleExamples => ({ bad: X.kubeletServingNoIp, good: X.kubeadm });

/** The kind of address a kubelet is dialed at: the first of the server's preferred types a node without a cloud provider has. */
type DialedType = 'Hostname' | 'InternalIP' | 'none';

function dialedType(server: ApiServer): DialedType {
  const preferred = APISERVER.kubeletClient.preferredAddressTypes.of(server);
  const types = preferred.flag ? preferred.value.map((t) => t.trim()) : DEFAULT_ADDRESS_TYPES;
  // InternalDNS, ExternalDNS and ExternalIP come only from a cloud provider: without one a node has none.
  return types.find((type): type is DialedType => type === 'Hostname' || type === 'InternalIP') ?? 'none';
}

/** The kubelet's address of that type (`describe` says how it is known), or why the upload does not tell it. */
function addressOf(model: ClusterModel, kubelet: Kubelet, type: DialedType): KubeletAddress | string {
  if (KUBELET_FLAGS.cloudProvider.isSet(kubelet)) return 'its addresses come from the cloud provider';
  if (type === 'Hostname') {
    const hostname = hostnameOf(model, kubelet);
    if (!hostname)
      return 'its hostname, the address the API server dials, is not in the upload (set --hostname-override)';
    return { value: hostname.value, describe: `its Hostname, ${hostname.how}`, location: hostname.location };
  }
  if (type === 'InternalIP') {
    const nodeIp = KUBELET_FLAGS.nodeIp.written(kubelet);
    const ip = nodeIp?.value.split(',')[0]?.trim();
    if (!nodeIp || !ip || !parseIp(ip) || /^(0\.0\.0\.0|::)$/.test(ip))
      return 'its InternalIP, the address the API server dials, is not in the upload (set --node-ip)';
    return { value: ip, describe: 'its InternalIP, --node-ip', location: nodeIp.location };
  }
  return 'none of the --kubelet-preferred-address-types is an address a node without a cloud provider has';
}

/** The kubelet's address as one API server dials it: with that server's order of address types. */
function dialedAs(address: KubeletAddress, server: ApiServer): Address {
  const preferred = APISERVER.kubeletClient.preferredAddressTypes.of(server);
  const order = preferred.flag
    ? `the first of --kubelet-preferred-address-types=${preferred.flag.value} the node has`
    : 'the first of the default --kubelet-preferred-address-types the node has';
  return {
    value: address.value,
    describe: `${address.describe}; ${order}`,
    location: address.location ?? preferred.location,
  };
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
