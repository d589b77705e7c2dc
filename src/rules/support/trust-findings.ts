/**
 * The shape of the chain rules: for each certificate presented on a path (the leaf of a trust pair),
 * every CA bundle that must vouch for it, and the bundles it does not chain to, grouped by content (the
 * five kubeconfigs that carry the same CA are one finding). Missing files are said to be not evaluated.
 */
import type { RawFinding, RuleContext } from '../../engine/rule';
import type { CertificateInfo } from '../../ingest/x509';
import type { CertificateBinding, TrustKind } from '../../model/certificates-binding';
import type { CertificateBundle, Trust } from '../../model/certificates';
import type { ClusterModel } from '../../model/cluster-model';
import type { Location } from '../../schemas/common';
import { SHOWN } from './named-few';

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
 * the upload has no leaf or no anchor of the kind; `skip` leaves a leaf to another rule.
 */
export function trustFailures(
  model: ClusterModel,
  context: RuleContext,
  kind: TrustKind,
  none: string,
  skip: (leaf: CertificateBinding) => boolean = () => false,
): TrustFailure[] {
  const store = model.certificates;
  const { leaves, anchors } = store.check(kind);
  if (leaves.length === 0 || anchors.length === 0) {
    context.notEvaluated(none);
    return [];
  }
  const ids = new Map<CertificateInfo, number>();
  const contents = new Map<CertificateBundle, string>();
  const contentOf = (bundle: CertificateBundle) => {
    let content = contents.get(bundle);
    if (content === undefined) {
      content = bundle.certificates
        .map((c) => {
          const info = store.info(c);
          if (info && !ids.has(info)) ids.set(info, ids.size);
          return info ? ids.get(info) : 'unread';
        })
        .join(',');
      contents.set(bundle, content);
    }
    return content;
  };
  // Leaves that present the same bundle (a thousand API server pods naming one apiserver.crt) chain
  // alike: each bundle is judged against the anchors once, and its verdict is given to every leaf.
  const verdicts = new Map<CertificateBundle, BundleVerdict>();
  const judge = (bundle: CertificateBundle): BundleVerdict => {
    const reasons: string[] = [];
    const byContent = new Map<string, { anchors: CertificateBinding[]; reason: string }>();
    const trustIn = new Map<CertificateBundle, Trust>();
    for (const anchor of anchors) {
      if (!anchor.bundle) {
        reasons.push(`${anchor.ownerName}: ${anchor.setting}: ${anchor.missing ?? 'not uploaded'}`);
        continue;
      }
      let trust = trustIn.get(anchor.bundle);
      if (!trust) trustIn.set(anchor.bundle, (trust = store.trust(bundle, anchor.bundle)));
      if (trust.trusted === undefined) reasons.push(trust.reason);
      if (trust.trusted !== false) continue;
      const key = contentOf(anchor.bundle);
      const known = byContent.get(key);
      if (known) known.anchors.push(anchor);
      else byContent.set(key, { anchors: [anchor], reason: trust.reason });
    }
    return { reasons, untrusted: [...byContent.values()] };
  };
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
    let verdict = verdicts.get(leaf.bundle);
    if (verdict) {
      // The same reasons as the first leaf of this bundle, already said: counted again, not repeated.
      const [reason] = verdict.reasons;
      if (reason !== undefined) context.notEvaluated(reason, verdict.reasons.length);
    } else {
      verdicts.set(leaf.bundle, (verdict = judge(leaf.bundle)));
      for (const reason of verdict.reasons) context.notEvaluated(reason);
    }
    for (const { anchors: untrusted, reason } of verdict.untrusted)
      failures.push({ leaf, certificate, location: first.location, anchors: untrusted, reason });
  }
  return failures;
}

/** What one leaf bundle meets among the anchors: why some could not be judged, and those it does not chain to. */
interface BundleVerdict {
  reasons: string[];
  untrusted: Array<{ anchors: CertificateBinding[]; reason: string }>;
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

/**
 * The finding of a leaf that does not chain: at the certificate, with its setting and the places of the
 * first SHOWN CA bundles beside it (thousands of kubeconfigs may carry the same CA).
 */
export function untrustedFinding(failure: TrustFailure, message: string): RawFinding {
  return {
    subject: subjectOf(failure.certificate),
    message,
    location: failure.location,
    related: [failure.leaf.location, ...failure.anchors.slice(0, SHOWN).map((a) => a.location)],
    evidence: `${failure.leaf.setting}: ${failure.certificate.subject.text} issued by ${failure.certificate.issuer.text}; trusted: ${anchorsOf(failure)}`,
  };
}
