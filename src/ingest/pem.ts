/**
 * PEM text (RFC 7468): certificate files, CA bundles of several certificates, the cert-and-key files
 * the kubelet writes (kubelet-client-current.pem), and the PEM inside a kubeconfig's `*-data` field.
 *
 * A private key block is recognised by its label and nothing more: its body is never decoded, kept or
 * quoted, so a key cannot leak through a finding, an error or a log line. Certificates are kept as DER
 * bytes; reading their fields is src/ingest/x509.ts's job, done only for the certificates a flag uses.
 */
import type { InputDocument } from '../schemas/report';
import type { Budget } from './budget';

/** Bytes in an ArrayBuffer, as WebCrypto's BufferSource wants them under TypeScript 5.7+. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface PemCertificate {
  /** 1-based line and column of the BEGIN line. */
  line: number;
  column: number;
  /** 0-based position among the file's certificate blocks: a bundle's first, second, … certificate. */
  index: number;
  /** The DER bytes, or null when the block cannot be decoded (then `problem` says why). */
  der: Bytes | null;
  problem: string | null;
}

/** A private key: where it is and what kind, never what it holds. */
export interface PrivateKeyMark {
  /** `RSA PRIVATE KEY`, `EC PRIVATE KEY`, `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, `OPENSSH PRIVATE KEY`… */
  label: string;
  line: number;
  column: number;
}

export interface PemContent {
  certificates: PemCertificate[];
  privateKeys: PrivateKeyMark[];
  /** Other blocks (CERTIFICATE REQUEST, PUBLIC KEY, EC PARAMETERS…): listed, not read. */
  others: Array<{ label: string; line: number }>;
}

// RFC 7468 labels are printable ASCII without hyphens.
const BEGIN = /-----BEGIN ([\x20-\x2c\x2e-\x7e]+)-----/g;
/**
 * Kubernetes reads only `CERTIFICATE` blocks from a certificate or CA file and skips the rest, OpenSSL's
 * `TRUSTED CERTIFICATE` included (client-go util/cert/pem.go ParseCertsPEM, Go's AppendCertsFromPEM).
 */
const CERTIFICATE_LABEL = 'CERTIFICATE';
/** A private key of any format: PKCS#8, PKCS#1, SEC 1, encrypted, OpenSSH, PGP (`… PRIVATE KEY BLOCK`). */
const PRIVATE_KEY = 'PRIVATE KEY';

/** A PEM file: a BEGIN line at the start of a line (inside YAML, a block is indented or quoted). */
export function isPemText(text: string): boolean {
  return /^-----BEGIN [\x20-\x2c\x2e-\x7e]+-----\r?$/m.test(text);
}

/**
 * Every PEM block of `text`, in order; a block pasted onto one line counts too. Each certificate draws on
 * the request's `budget` (a LimitError past LIMITS.maxCertificates).
 */
export function readPem(text: string, budget: Budget): PemContent {
  const content: PemContent = { certificates: [], privateKeys: [], others: [] };
  const begins = [...text.matchAll(BEGIN)];
  const lines = lineStarts(text);
  for (const [i, begin] of begins.entries()) {
    const label = (begin[1] ?? '').trim();
    const { line, column } = position(lines, begin.index);
    if (label.includes(PRIVATE_KEY)) {
      content.privateKeys.push({ label, line, column });
      continue;
    }
    if (label !== CERTIFICATE_LABEL) {
      content.others.push({ label, line });
      continue;
    }
    const bodyStart = begin.index + begin[0].length;
    const next = begins[i + 1]?.index ?? text.length;
    const end = text.indexOf(`-----END ${label}-----`, bodyStart);
    const index = content.certificates.length;
    if (end < 0 || end > next) {
      content.certificates.push({
        line,
        column,
        index,
        der: null,
        problem: `no -----END ${label}----- line`,
      });
      continue;
    }
    const der = decodeBase64(text.slice(bodyStart, end));
    budget.spendCertificate(der?.length ?? 0);
    content.certificates.push({
      line,
      column,
      index,
      der,
      problem: der ? null : 'the block is not valid base64',
    });
  }
  return content;
}

/** Where the private keys in any text are (a key pasted into YAML, a Secret's data…): labels only. */
export function findPrivateKeys(text: string): PrivateKeyMark[] {
  if (!text.includes('PRIVATE KEY-----')) return [];
  const lines = lineStarts(text);
  return [...text.matchAll(BEGIN)]
    .filter((begin) => (begin[1] ?? '').includes(PRIVATE_KEY))
    .map((begin) => ({ label: (begin[1] ?? '').trim(), ...position(lines, begin.index) }));
}

/** Strict base64 (whitespace allowed, padding required): null when the text is not base64. */
export function decodeBase64(text: string): Bytes | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    return null;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** What the report's `inputs` says about each block of a PEM file. */
export function pemDocuments(content: PemContent): InputDocument[] {
  const document = (index: number, line: number, kind: string, recognized: boolean, note: string) => ({
    index,
    pointer: '',
    line,
    kind,
    component: null,
    role: null,
    recognized,
    note,
  });
  return [
    ...content.certificates.map((c) =>
      document(
        c.index,
        c.line,
        'Certificate',
        c.der !== null,
        c.problem ?? 'read when a flag or field names this file',
      ),
    ),
    ...content.privateKeys.map((key, i) =>
      document(
        i,
        key.line,
        'PrivateKey',
        true,
        `${key.label}: dropped unread (never parsed, stored or echoed); upload public certificates only`,
      ),
    ),
    ...content.others.map((other, i) =>
      document(
        i,
        other.line,
        other.label,
        false,
        'Kubernetes reads only CERTIFICATE blocks from such a file',
      ),
    ),
  ].sort((a, b) => a.line - b.line);
}
