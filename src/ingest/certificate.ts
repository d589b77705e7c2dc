/**
 * A PEM certificate file (the kubelet's `<cert-dir>/kubelet.crt`), read only as far as telling
 * whether it is self-signed. Without tlsCertFile the kubelet serves that file when it exists, and when
 * it does not, writes one itself (InitializeTLS, kubernetes cmd/kubelet/app/server.go) with client-go's
 * GenerateSelfSignedCertKeyWithOptions (util/cert/cert.go): a leaf signed by a throwaway CA named
 * `<host>-ca@<unix time>`, the leaf then that CA in the file. So the file's presence alone does not
 * say that a CA signed it: its content does.
 */
export interface UploadedCertificate {
  /** How many certificates the file holds. */
  count: number;
  /** The first one's issuer is its subject, or the file is the kubelet's own generated pair. */
  selfSigned: boolean;
}

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The certificates of a PEM file; undefined when it holds none (or one is not DER). */
export function readCertificates(text: string): UploadedCertificate | undefined {
  const ders: Uint8Array[] = [];
  for (const match of text.matchAll(PEM)) {
    const der = decodeBase64Bytes(match[1] ?? '');
    if (!der) return undefined;
    ders.push(der);
  }
  const leaf = ders[0] && names(ders[0]);
  if (!leaf) return undefined;
  const kubeletGenerated = ders.some((der) => /-ca@\d{9,}/.test(latin1(der)));
  return { count: ders.length, selfSigned: kubeletGenerated || equal(leaf.issuer, leaf.subject) };
}

/** One DER element: its tag, and where its content starts and ends. */
interface Element {
  tag: number;
  start: number;
  end: number;
}

function element(der: Uint8Array, at: number): Element | undefined {
  const tag = der[at];
  let length = der[at + 1];
  if (tag === undefined || length === undefined) return undefined;
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) return undefined;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  const end = start + length;
  return end <= der.length ? { tag, start, end } : undefined;
}

/** RFC 5280 tbsCertificate: [0] version, serialNumber, signature, issuer, validity, subject. */
function names(der: Uint8Array): { issuer: Uint8Array; subject: Uint8Array } | undefined {
  const certificate = element(der, 0);
  const tbs = certificate && element(der, certificate.start);
  if (!tbs) return undefined;
  const fields: Element[] = [];
  for (let at = tbs.start; at < tbs.end && fields.length < 6;) {
    const field = element(der, at);
    if (!field) return undefined;
    fields.push(field);
    at = field.end;
  }
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const issuer = fields[offset + 2];
  const subject = fields[offset + 4];
  if (!issuer || !subject) return undefined;
  return {
    issuer: der.subarray(issuer.start, issuer.end),
    subject: der.subarray(subject.start, subject.end),
  };
}

function decodeBase64Bytes(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
