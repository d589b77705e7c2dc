import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import type { ApiServer } from '../../model/apiserver';
import { certificateCovers, firstServiceIp, hostOf } from '../../model/certificates-hosts';
import type { ClusterModel } from '../../model/cluster-model';
import type { CertificateInfo } from '../../ingest/x509';
import { APISERVER } from '../../model/settings/kube-apiserver';
import type { Location } from '../../schemas/common';
import { bindingsOf, describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { namedFew, SHOWN } from '../support/named-few';
import { subjectOf } from '../support/trust-findings';

interface Dialed {
  host: string;
  /** Who dials it, for the message (of the kubeconfigs, at most SHOWN), and how many more. */
  by: string[];
  more: number;
  /** Where they are written (of the kubeconfigs, the first SHOWN). */
  locations: Location[];
}

export default defineRule({
  id: 'apiserver-serving-cert-name-mismatch',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'breakage',
  title: "The API server's certificate does not name an address its clients dial",
  description:
    'Go clients check that the server certificate names the address they dial, in its subjectAltNames (the Common Name is ignored since Go 1.15). Pods dial the kubernetes Service\'s ClusterIP (the first address of --service-cluster-ip-range) or kubernetes.default.svc; kubelets and components dial the server of their kubeconfig; cluster members the --advertise-address. An address the certificate does not name fails with "x509: certificate is valid for …, not …".',
  remediation:
    'Issue the API server certificate again with every address its clients dial in its SANs (kubeadm: apiServer.certSANs, then kubeadm certs renew apiserver; the Service ClusterIP and kubernetes.default.svc names are added by kubeadm itself), or point the clients at an address it names.',
  links: [LINKS.pkiCertificates, LINKS.kubeadmCerts, LINKS.kubeApiserverFlags],
  references: [],
  requires: ['apiserver', 'certificates'],
  check: (model, context) =>
    model.apiServers.flatMap((server): RawFinding[] => {
      const binding = bindingsOf(model, 'apiserver-serving', server)[0];
      const first = binding?.bundle?.certificates[0];
      const certificate = first ? model.certificates.info(first) : undefined;
      if (!binding || !first || !certificate) {
        context.notEvaluated(
          `${server.name}: ${binding ? `${binding.setting}: ${binding.missing ?? 'cannot be read'}` : 'no --tls-cert-file (apiserver-serving-cert-missing)'}`,
        );
        return [];
      }
      if (APISERVER.secureServing.tlsSniCertKey.given(server)) {
        context.notEvaluated(`${server.name}: --tls-sni-cert-key serves other certificates for some names`);
        return [];
      }
      const { shown, total } = notNamed(model, server, certificate);
      if (total === 0) return [];
      const list = namedFew(
        shown.map((m) => `${m.host} (${m.by.join('; ')}${m.more > 0 ? ` and ${m.more} more` : ''})`),
        total,
        ', ',
      );
      return [
        {
          subject: subjectOf(certificate),
          message: `${server.name} serves ${certificate.subject.text} (${binding.setting}), which does not name ${list}: those clients fail with "x509: certificate is valid for ${[...certificate.dnsNames, ...certificate.ipAddresses].join(', ') || 'no name'}".`,
          location: first.location,
          related: [binding.location, ...shown.flatMap((m) => m.locations)],
          evidence: `${describeCertificate(certificate)}; not named: ${namedFew(
            shown.map((m) => m.host),
            total,
            ', ',
          )}`,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({ bad: X.apiserverNoServiceIp, good: X.kubeadm });

/**
 * The addresses clients of this API server dial that its certificate does not name, in the order they
 * are found (kubeconfig servers, then its advertise address and the Service's names): the first SHOWN
 * of them, and how many in all. The kubeconfigs' part is judged once per certificate, not per server.
 */
function notNamed(
  model: ClusterModel,
  server: ApiServer,
  certificate: CertificateInfo,
): { shown: Dialed[]; total: number } {
  const dialed = kubeconfigsDial(model);
  const missing = kubeconfigsNotNamed(model, certificate);
  const own = new Map<string, Dialed>();
  const add = (host: string, by: string, location: Location) => {
    const key = host.toLowerCase();
    let known = own.get(key);
    if (!known) {
      const theirs = dialed.get(key);
      if (theirs && !missing.has(key)) return;
      if (!theirs && certificateCovers(certificate, host)) return;
      known = theirs
        ? { ...theirs, by: [...theirs.by], locations: [...theirs.locations] }
        : { host, by: [], more: 0, locations: [] };
      own.set(key, known);
    }
    if (!known.by.includes(by)) known.by.push(by);
    known.locations.push(location);
  };
  const advertise = APISERVER.advertiseAddress.of(server);
  if (advertise.value) add(advertise.value, '--advertise-address', advertise.location);
  const range = APISERVER.serviceClusterIpRange.of(server);
  const serviceIp = firstServiceIp(range.value.split(',')[0] ?? '');
  const rangeLocation = range.location;
  if (serviceIp)
    add(
      serviceIp,
      `the kubernetes Service ClusterIP that pods dial (${range.source === 'flag' ? range.value : `default ${range.value}`})`,
      rangeLocation,
    );
  const domain = clusterDomain(model);
  add('kubernetes.default.svc', 'in-cluster clients by name', rangeLocation);
  add(`kubernetes.default.svc.${domain}`, 'in-cluster clients by name', rangeLocation);
  const shown: Dialed[] = [];
  for (const [key, entry] of missing) {
    if (shown.length === SHOWN) break;
    shown.push(own.get(key) ?? entry);
  }
  let added = 0;
  for (const [key, entry] of own) {
    if (missing.has(key)) continue;
    added++;
    if (shown.length < SHOWN) shown.push(entry);
  }
  return { shown, total: missing.size + added };
}

/** The kubeconfig hosts (kubeconfigsDial) a certificate does not name, judged once per certificate. */
function kubeconfigsNotNamed(model: ClusterModel, certificate: CertificateInfo): ReadonlyMap<string, Dialed> {
  let byCertificate = notNamedByModel.get(model);
  if (!byCertificate)
    notNamedByModel.set(model, (byCertificate = new Map<CertificateInfo, Map<string, Dialed>>()));
  let missing = byCertificate.get(certificate);
  if (!missing) {
    missing = new Map();
    for (const [key, entry] of kubeconfigsDial(model))
      if (!certificateCovers(certificate, entry.host)) missing.set(key, entry);
    byCertificate.set(certificate, missing);
  }
  return missing;
}

const notNamedByModel = new WeakMap<ClusterModel, Map<CertificateInfo, Map<string, Dialed>>>();

/**
 * The https hosts the uploaded kubeconfigs dial, by lower-cased host, found once per upload: who dials
 * each (at most SHOWN named, the others counted) and where (the first SHOWN places).
 */
function kubeconfigsDial(model: ClusterModel): ReadonlyMap<string, Dialed> {
  let dialed = kubeconfigHosts.get(model);
  if (dialed) return dialed;
  dialed = new Map();
  const named = new Map<string, Set<string>>();
  for (const kubeconfig of model.kubeconfigs) {
    for (const cluster of kubeconfig.clusters) {
      const host = cluster.server?.startsWith('https://') ? hostOf(cluster.server) : undefined;
      if (!host) continue;
      const key = host.toLowerCase();
      const known = dialed.get(key) ?? { host, by: [], more: 0, locations: [] };
      const names = named.get(key) ?? new Set<string>();
      const by = `${kubeconfig.name} server`;
      if (!names.has(by)) {
        names.add(by);
        if (known.by.length < SHOWN) known.by.push(by);
        else known.more++;
      }
      if (known.locations.length < SHOWN)
        known.locations.push(kubeconfig.doc.at(`${cluster.pointer}/server`));
      named.set(key, names);
      dialed.set(key, known);
    }
  }
  kubeconfigHosts.set(model, dialed);
  return dialed;
}

const kubeconfigHosts = new WeakMap<ClusterModel, Map<string, Dialed>>();

/**
 * The cluster's DNS domain: a kubelet's clusterDomain, else cluster.local (kubeadm's networking.dnsDomain
 * default). Found once per upload: every API server asks, and there may be thousands of kubelets.
 */
function clusterDomain(model: ClusterModel): string {
  let domain = clusterDomains.get(model);
  if (domain === undefined) {
    domain = 'cluster.local';
    for (const kubelet of model.kubelets) {
      const set = kubelet.setting('clusterDomain')?.value;
      if (set) {
        domain = set.replace(/\.$/, '');
        break;
      }
    }
    clusterDomains.set(model, domain);
  }
  return domain;
}

const clusterDomains = new WeakMap<ClusterModel, string>();
