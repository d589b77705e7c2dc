/**
 * The certificates of an upload and what each is used for: every PEM file and kubeconfig `*-data`
 * field as a bundle of certificates, the bindings that tie a bundle to the flag or field naming it
 * (src/model/certificates-binding.ts), and, once `verify()` has run, each bound certificate's fields and
 * which of the other bound certificates signed it.
 *
 * `verify()` is the one asynchronous step of a lint (WebCrypto), run once before the rules so that the
 * rules stay synchronous. It reads only bound certificates: reading one costs about half a millisecond of
 * CPU, and a certificate no flag names cannot decide anything (the report lists it as unread).
 */
import type { Bytes } from '../ingest/pem';
import { CertificateError, certificateOf, type CertificateInfo } from '../ingest/x509';
import type { Location, PathId } from '../schemas/common';
import type { CertificateBinding, TrustCheck, TrustKind } from './certificates-binding';
import { SignatureChecker, type SignatureCheck } from './certificates-signatures';
import { groupBy } from './group-by';

/** One certificate as uploaded: a PEM block, or one certificate of a kubeconfig `*-data` field. */
export interface StoredCertificate {
  /** The BEGIN line of its block, or the kubeconfig field. */
  location: Location;
  /** 0-based position in its bundle, and the bundle's size. */
  index: number;
  count: number;
  der: Bytes | null;
  /** Why the block could not be decoded. */
  problem: string | null;
}

/** A file (or `*-data` field) holding one or more certificates: a certificate and its chain, or a CA bundle. */
export interface CertificateBundle {
  /** `/etc/kubernetes/pki/ca.crt`, or `/etc/kubernetes/kubelet.conf certificate-authority-data`. */
  name: string;
  /** The uploaded file it is in. */
  file: string;
  certificates: StoredCertificate[];
}

/** A private key found in an upload: never read, only reported. */
export interface UploadedPrivateKey {
  file: string;
  /** `RSA PRIVATE KEY`, or `client-key-data` for a kubeconfig field. */
  label: string;
  location: Location;
}

/** Whether a certificate chains to a bundle of trusted certificates, as Go's x509 Verify builds chains. */
export type Trust =
  | { trusted: true; chain: CertificateInfo[] }
  | { trusted: false; reason: string }
  /** The certificate or the trusted bundle cannot be read: nothing can be said. */
  | { trusted: undefined; reason: string };

/** Chains longer than this are not followed (Kubernetes PKIs have one CA, sometimes an intermediate). */
const MAX_CHAIN = 5;

export class Certificates {
  readonly bindings: CertificateBinding[] = [];
  readonly checks: TrustCheck[] = [];
  /** By DER: the cluster CA uploaded as a file and in five kubeconfigs is read once, and is one object. */
  private readonly parsed = new Map<string, CertificateInfo | CertificateError>();
  private readonly read = new Map<StoredCertificate, CertificateInfo | CertificateError>();
  private readonly signatures = new Map<CertificateInfo, Map<CertificateInfo, SignatureCheck>>();
  private verified = false;

  constructor(
    /** The PEM files, then the kubeconfig fields the bindings read. */
    readonly bundles: CertificateBundle[],
    readonly privateKeys: UploadedPrivateKey[],
  ) {}

  /** Every certificate uploaded, bound or not: what the request's certificate limit counts. */
  get count(): number {
    return this.bundles.reduce((n, bundle) => n + bundle.certificates.length, 0);
  }

  /** The bundles a binding names, each once. */
  get boundBundles(): CertificateBundle[] {
    return [...new Set(this.bindings.flatMap((b) => (b.bundle ? [b.bundle] : [])))];
  }

  /** The bindings of a bundle: what its certificates are used for. */
  usesOf(bundle: CertificateBundle): CertificateBinding[] {
    return this.bindings.filter((binding) => binding.bundle === bundle);
  }

  /** Reads every bound certificate and checks each signature a chain could use. Run once, before the rules. */
  async verify(checker = new SignatureChecker()): Promise<void> {
    const infos = new Set<CertificateInfo>();
    for (const certificate of this.boundBundles.flatMap((bundle) => bundle.certificates)) {
      if (!certificate.der) continue;
      const key = derKey(certificate.der);
      let parsed = this.parsed.get(key);
      if (!parsed) {
        parsed = certificateOf(certificate.der);
        this.parsed.set(key, parsed);
      }
      this.read.set(certificate, parsed);
      if (!(parsed instanceof CertificateError)) infos.add(parsed);
    }
    // Go finds a certificate's candidate issuers by name, then checks the signature with each.
    const bySubject = groupBy(infos, (info) => info.subject.der);
    const checks: Array<Promise<void>> = [];
    for (const info of infos) {
      const results = new Map<CertificateInfo, SignatureCheck>();
      this.signatures.set(info, results);
      for (const issuer of bySubject.get(info.issuer.der) ?? []) {
        checks.push(checker.check(info, issuer).then((check) => void results.set(issuer, check)));
      }
    }
    await Promise.all(checks);
    this.verified = true;
  }

  /** The certificate's fields, or undefined when it cannot be read (`problemOf` says why). */
  info(certificate: StoredCertificate): CertificateInfo | undefined {
    this.mustBeVerified();
    return this.infoOf(certificate);
  }

  /** Why a certificate cannot be read; undefined when it can. */
  problemOf(certificate: StoredCertificate): string | undefined {
    this.mustBeVerified();
    if (certificate.problem) return certificate.problem;
    const parsed = this.read.get(certificate);
    return parsed instanceof CertificateError ? parsed.message : undefined;
  }

  /** Whether `issuer`'s key verifies `certificate`'s signature; a pair whose names differ is never checked. */
  signature(certificate: CertificateInfo, issuer: CertificateInfo): SignatureCheck {
    this.mustBeVerified();
    return this.signatures.get(certificate)?.get(issuer) ?? { result: 'invalid' };
  }

  /** Signed by its own key: a root CA, or a certificate nothing else vouches for. */
  selfSigned(certificate: CertificateInfo): boolean {
    return this.signature(certificate, certificate).result === 'valid';
  }

  /**
   * Whether the first certificate of `leaf` chains to one of `roots`' certificates, through the others of
   * `leaf` (a serving certificate file carries its intermediates after it), as Go's Verify builds chains:
   * candidate issuers by name, then the candidate's key must verify the signature. A leaf that is itself
   * among the roots is trusted. CA flags, key usage and validity are other rules' business.
   */
  trust(leaf: CertificateBundle, roots: CertificateBundle): Trust {
    this.mustBeVerified();
    const first = leaf.certificates[0];
    const start = first ? this.infoOf(first) : undefined;
    if (!first || !start) {
      const why = first ? (this.problemOf(first) ?? 'not read') : 'it holds no certificate';
      return { trusted: undefined, reason: `${leaf.name} cannot be read: ${why}` };
    }
    const anchors = roots.certificates.flatMap((c) => this.infoOf(c) ?? []);
    if (anchors.length === 0)
      return { trusted: undefined, reason: `${roots.name} holds no certificate that can be read` };
    if (anchors.includes(start)) return { trusted: true, chain: [start] };
    const intermediates = leaf.certificates.slice(1).flatMap((c) => this.infoOf(c) ?? []);
    const signs = (child: CertificateInfo, parent: CertificateInfo) =>
      this.signature(child, parent).result === 'valid';
    let frontier: CertificateInfo[][] = [[start]];
    const seen = new Set<CertificateInfo>([start]);
    for (let depth = 0; depth < MAX_CHAIN && frontier.length > 0; depth++) {
      const next: CertificateInfo[][] = [];
      for (const chain of frontier) {
        const top = chain[chain.length - 1] ?? start;
        const root = anchors.find((anchor) => signs(top, anchor));
        if (root) return { trusted: true, chain: [...chain, root] };
        for (const parent of intermediates.filter((p) => !seen.has(p) && signs(top, p))) {
          seen.add(parent);
          next.push([...chain, parent]);
        }
      }
      frontier = next;
    }
    return { trusted: false, reason: this.untrustedReason(start, intermediates, anchors, roots) };
  }

  /** Whether a bundle's first certificate is its own issuer: signed by itself or by a CA in the same file. */
  issuedWithin(bundle: CertificateBundle): boolean | undefined {
    this.mustBeVerified();
    if (!bundle.certificates.some((c) => this.infoOf(c))) return undefined;
    const roots = bundle.certificates.filter((c) => {
      const info = this.infoOf(c);
      return info !== undefined && this.selfSigned(info);
    });
    return this.trust(bundle, { ...bundle, certificates: roots }).trusted === true;
  }

  /** The TLS checks of one kind (every kind has one, with no leaves or anchors when none was named). */
  check(kind: TrustKind): TrustCheck {
    const found = this.checks.find((check) => check.kind === kind);
    if (!found) throw new Error(`no trust check of kind ${kind}`);
    return found;
  }

  /**
   * The kinds of check on a path whose two sides were uploaded and read (a leaf whose certificate was
   * read, and a CA bundle with one read certificate): what makes its verdict rest on certificates.
   */
  checkedKinds(path: PathId): TrustKind[] {
    this.mustBeVerified();
    const read = (certificate: StoredCertificate | undefined) =>
      certificate !== undefined && this.infoOf(certificate) !== undefined;
    return this.checks
      .filter(
        (check) =>
          check.path === path &&
          check.leaves.some((leaf) => read(leaf.bundle?.certificates[0])) &&
          check.anchors.some((anchor) => (anchor.bundle?.certificates ?? []).some(read)),
      )
      .map((check) => check.kind);
  }

  private untrustedReason(
    leaf: CertificateInfo,
    intermediates: readonly CertificateInfo[],
    anchors: readonly CertificateInfo[],
    roots: CertificateBundle,
  ): string {
    // Explain from the last certificate the chain reached within the leaf's own file.
    let top = leaf;
    for (let i = 0; i < MAX_CHAIN; i++) {
      const parent = intermediates.find((p) => p !== top && this.signature(top, p).result === 'valid');
      if (!parent) break;
      top = parent;
    }
    const namesakes = anchors.filter((anchor) => anchor.subject.der === top.issuer.der);
    for (const anchor of namesakes) {
      const check = this.signature(top, anchor);
      if (check.result === 'unsupported') return check.reason;
    }
    if (namesakes.length > 0) {
      return `${roots.name} holds a CA named ${top.issuer.text}, but its key does not verify the signature of ${top.subject.text}: another CA of the same name signed it`;
    }
    const held = [...new Set(anchors.map((anchor) => anchor.subject.text))].join('; ');
    return `${top.subject.text} is issued by ${top.issuer.text}, which is not in ${roots.name} (it holds ${held})`;
  }

  private infoOf(certificate: StoredCertificate): CertificateInfo | undefined {
    const parsed = this.read.get(certificate);
    return parsed instanceof CertificateError ? undefined : parsed;
  }

  /** An upload whose flags name no uploaded certificate has nothing to verify. */
  private mustBeVerified() {
    if (!this.verified && this.bindings.some((binding) => binding.bundle))
      throw new Error('certificates: call verify() before reading them');
  }
}

/** A map key for DER bytes (their Latin-1 text: cheap, and exact). */
function derKey(der: Uint8Array): string {
  let key = '';
  for (let i = 0; i < der.length; i += 4096) key += String.fromCharCode(...der.subarray(i, i + 4096));
  return key;
}
