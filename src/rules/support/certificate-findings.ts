/**
 * The shapes the certificate rules share: every bound certificate once per path it serves (the cluster
 * CA named by ten flags and fields is one certificate with ten uses, not ten findings), how a
 * certificate is named in a message, and the evidence: subject, issuer, serial, validity and SANs,
 * never the PEM.
 */
import type { CertificateInfo } from '../../ingest/x509';
import type { CertificateBinding } from '../../model/certificates-binding';
import type { CertificateBundle, Certificates, StoredCertificate } from '../../model/certificates';
import type { ClusterModel } from '../../model/cluster-model';
import type { RawFinding, RuleContext } from '../../engine/rule';
import type { Location, PathId } from '../../schemas/common';

export interface BoundCertificate {
  info: CertificateInfo;
  /** Its first upload on this path, where the finding points. */
  certificate: StoredCertificate;
  bundle: CertificateBundle;
  path: PathId;
  /** What uses it on this path. */
  uses: CertificateBinding[];
  /** Its other uploads on this path (the same CA in another file or kubeconfig). */
  copies: Location[];
}

/**
 * Every certificate a flag or field names, once per path; `select` keeps some uses only. A certificate
 * that cannot be read is said to be not evaluated, with the reason.
 */
export function boundCertificates(
  model: ClusterModel,
  context: RuleContext,
  select: (binding: CertificateBinding, certificate: StoredCertificate) => boolean = () => true,
): BoundCertificate[] {
  const store = model.certificates;
  const found = new Map<string, BoundCertificate>();
  const ids = new Map<CertificateInfo, number>();
  for (const binding of store.bindings) {
    for (const certificate of binding.bundle?.certificates ?? []) {
      if (!binding.bundle || !select(binding, certificate)) continue;
      const info = store.info(certificate);
      if (!info) {
        context.notEvaluated(
          `${placeOf(binding.bundle, certificate)} cannot be read: ${store.problemOf(certificate) ?? 'not a certificate'}`,
        );
        continue;
      }
      if (!ids.has(info)) ids.set(info, ids.size);
      const key = `${ids.get(info)} ${binding.path}`;
      const known = found.get(key);
      if (!known) {
        found.set(key, {
          info,
          certificate,
          bundle: binding.bundle,
          path: binding.path,
          uses: [binding],
          copies: [],
        });
        continue;
      }
      // A binding's certificates come one after another: if it already uses this one, it was the last.
      if (known.uses.at(-1) !== binding) known.uses.push(binding);
      if (certificate !== known.certificate && !known.copies.includes(certificate.location))
        known.copies.push(certificate.location);
    }
  }
  return [...found.values()];
}

/** A finding about one bound certificate, at its upload, relating its other uploads and uses. */
export function certificateFinding(bound: BoundCertificate, message: string, evidence?: string): RawFinding {
  return {
    path: bound.path,
    subject: `certificate ${bound.info.subject.text} (serial ${bound.info.serialNumber})`,
    message,
    location: bound.certificate.location,
    related: [...bound.copies, ...bound.uses.map((use) => use.location)],
    evidence: evidence ?? describeCertificate(bound.info),
  };
}

/** `CN=kube-apiserver in /etc/kubernetes/pki/apiserver.crt`, with its place in a bundle of several. */
export function placeOf(bundle: CertificateBundle, certificate: StoredCertificate): string {
  return certificate.count > 1
    ? `certificate ${certificate.index + 1} of ${certificate.count} in ${bundle.name}`
    : bundle.name;
}

/** `CN=kubernetes in /etc/kubernetes/pki/ca.crt` */
export function nameIn(bound: BoundCertificate): string {
  return `${bound.info.subject.text} (${placeOf(bound.bundle, bound.certificate)})`;
}

/** `used as kube-apiserver (…) --client-ca-file=…; …`: at most three uses, then how many more. */
export function usesOf(uses: readonly CertificateBinding[]): string {
  const shown = uses.slice(0, 3).map((use) => `${use.ownerName} ${use.setting}`);
  const more = uses.length > 3 ? ` and ${uses.length - 3} more` : '';
  return `used by ${shown.join('; ')}${more}`;
}

/** The evidence for a certificate: who it names and who signed it, its serial, validity and SANs. */
export function describeCertificate(info: CertificateInfo): string {
  const sans = [...info.dnsNames.map((name) => `DNS:${name}`), ...info.ipAddresses.map((ip) => `IP:${ip}`)];
  return [
    `subject ${info.subject.text}`,
    `issuer ${info.issuer.text}`,
    `serial ${info.serialNumber}`,
    `valid ${day(info.notBefore)} to ${day(info.notAfter)}`,
    `SANs ${sans.length > 0 ? sans.join(', ') : 'none'}`,
  ].join('; ');
}

/** `2026-06-01T00:00:00Z`: a time as RFC 3339, to the second. */
export function day(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * By the server, kubelet, kubeconfig or component holding them: filtering every binding for each owner
 * grew with their square (a hundred API server pods naming one certificate). Rebuilt should a binding
 * be added after the rules first asked.
 */
const owners = new WeakMap<Certificates, { size: number; byOwner: Map<unknown, CertificateBinding[]> }>();

/** The bindings of one role held by one owner (an API server, kubelet, kubeconfig or component). */
export function bindingsOf(
  model: ClusterModel,
  role: CertificateBinding['role'],
  owner: object,
): CertificateBinding[] {
  const { bindings } = model.certificates;
  let index = owners.get(model.certificates);
  if (index?.size !== bindings.length) {
    const byOwner = new Map<unknown, CertificateBinding[]>();
    for (const binding of bindings) {
      for (const held of Object.values(binding.owner)) {
        const list = byOwner.get(held);
        if (list) list.push(binding);
        else byOwner.set(held, [binding]);
      }
    }
    owners.set(model.certificates, (index = { size: bindings.length, byOwner }));
  }
  return (index.byOwner.get(owner) ?? []).filter((binding) => binding.role === role);
}
