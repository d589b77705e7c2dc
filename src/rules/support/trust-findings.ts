/**
 * The shape of the chain rules: for each certificate presented on a path (the leaf of a trust pair),
 * every CA bundle that must vouch for it, and the bundles it does not chain to, grouped by content (the
 * five kubeconfigs that carry the same CA are one finding). Missing files are said to be not evaluated.
 */
import type { RawFinding, RuleContext } from '../../engine/rule';
import type { CertificateInfo } from '../../ingest/x509';
import type { CertificateBinding, TrustPair } from '../../model/certificates-binding';
import type { ClusterModel } from '../../model/cluster-model';
import type { Location } from '../../schemas/common';

export interface TrustFailure {
  leaf: CertificateBinding;
  /** The leaf certificate's fields and where it was uploaded. */
  certificate: CertificateInfo;
  location: Location;
  /** The bindings of the CA bundles it does not chain to, which all hold the same certificates. */
  anchors: CertificateBinding[];
  /** Why, as Go would fail it: the issuer is not there, or a namesake's key does not verify it. */
  reason: string;
}

/**
 * Leaves of `kind` that do not chain to a CA bundle they must. `none` says why nothing was judged when
 * the upload has no such pair; `skip` leaves a leaf to another rule.
 */
export function trustFailures(
  model: ClusterModel,
  context: RuleContext,
  kind: TrustPair['kind'],
  none: string,
  skip: (leaf: CertificateBinding) => boolean = () => false,
): TrustFailure[] {
  const store = model.certificates;
  const pairs = store.pairs.filter((pair) => pair.kind === kind);
  if (pairs.length === 0) context.notEvaluated(none);
  const leaves = [...new Set(pairs.map((pair) => pair.leaf))];
  const ids = new Map<CertificateInfo, number>();
  const contentOf = (binding: CertificateBinding) =>
    (binding.bundle?.certificates ?? [])
      .map((c) => {
        const info = store.info(c);
        if (info && !ids.has(info)) ids.set(info, ids.size);
        return info ? ids.get(info) : 'unread';
      })
      .join(',');
  const failures: TrustFailure[] = [];
  for (const leaf of leaves) {
    if (!leaf.bundle) {
      context.notEvaluated(`${leaf.ownerName}: ${leaf.setting}: ${leaf.missing ?? 'not uploaded'}`);
      continue;
    }
    const first = leaf.bundle.certificates[0];
    const certificate = first ? store.info(first) : undefined;
    if (!first || !certificate) {
      context.notEvaluated(
        `${leaf.bundle.name} cannot be read: ${first ? store.problemOf(first) : 'no certificate'}`,
      );
      continue;
    }
    if (skip(leaf)) continue;
    const byContent = new Map<string, TrustFailure>();
    for (const anchor of pairs.filter((pair) => pair.leaf === leaf).map((pair) => pair.anchor)) {
      if (!anchor.bundle) {
        context.notEvaluated(`${anchor.ownerName}: ${anchor.setting}: ${anchor.missing ?? 'not uploaded'}`);
        continue;
      }
      const trust = store.trust(leaf.bundle, anchor.bundle);
      if (trust.trusted === undefined) context.notEvaluated(trust.reason);
      if (trust.trusted !== false) continue;
      const key = contentOf(anchor);
      const known = byContent.get(key);
      if (known) known.anchors.push(anchor);
      else
        byContent.set(key, {
          leaf,
          certificate,
          location: first.location,
          anchors: [anchor],
          reason: trust.reason,
        });
    }
    failures.push(...byContent.values());
  }
  return failures;
}

/** `the kubelet's kubeconfig … certificate-authority-data; kube-controller-manager (…) --root-ca-file=…` */
export function anchorsOf(failure: TrustFailure): string {
  const shown = failure.anchors.slice(0, 3).map((a) => `${a.ownerName} ${a.setting}`);
  const more = failure.anchors.length > 3 ? ` and ${failure.anchors.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** `CN=kube-apiserver (serial …)` */
export function subjectOf(certificate: CertificateInfo): string {
  return `certificate ${certificate.subject.text} (serial ${certificate.serialNumber})`;
}

/** The finding of a leaf that does not chain: at the certificate, with its setting and the CA bundles beside it. */
export function untrustedFinding(failure: TrustFailure, message: string): RawFinding {
  return {
    subject: subjectOf(failure.certificate),
    message,
    location: failure.location,
    related: [failure.leaf.location, ...failure.anchors.map((a) => a.location)],
    evidence: `${failure.leaf.setting}: ${failure.certificate.subject.text} issued by ${failure.certificate.issuer.text}; trusted: ${anchorsOf(failure)}`,
  };
}
