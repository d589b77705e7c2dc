/**
 * Whether an issuer's public key verifies a certificate's signature, through WebCrypto
 * (`crypto.subtle.verify`), which the Worker and Node share. "Signed by" means this, never that the
 * names match: a second CA with the same name is told apart here.
 *
 * What WebCrypto cannot check is decided before it is called, so the Worker and the CLI agree: workerd
 * verifies MD5 signatures where Node refuses them, and neither knows SHA-224; Go (and so Kubernetes)
 * rejects MD5 and MD2 signatures, so they are `unsupported` here, never `valid`.
 */
import { TAG, childrenOf, concatBytes, encodeTlv, readIntegerBytes, readOnly } from '../ingest/der';
import type { Bytes } from '../ingest/pem';
import type { CertificateInfo } from '../ingest/x509';

export type SignatureCheck =
  | { result: 'valid' }
  /** The key does not verify the signature: another key, another key type, a mangled signature. */
  | { result: 'invalid' }
  /** WebCrypto cannot check it (MD5, DSA, Ed448, an unknown algorithm): Kubernetes cannot either. */
  | { result: 'unsupported'; reason: string };

// Named through the global `crypto`, whose types the Worker (workers-types) and Node (@types/node) both have.
type Subtle = typeof crypto.subtle;
type ImportAlgorithm = Parameters<Subtle['importKey']>[2];
type VerifyAlgorithm = Parameters<Subtle['verify']>[0];
type PublicCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

const WEBCRYPTO_HASHES = new Set(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);
/** Bytes of r and of s in a P1363 signature, by curve. */
const CURVE_SIZES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** Imports each issuer's key once per kind of use: importing costs more than verifying. */
export class SignatureChecker {
  private readonly keys = new Map<string, Promise<PublicCryptoKey>>();

  constructor(private readonly subtle: Subtle = crypto.subtle) {}

  async check(certificate: CertificateInfo, issuer: CertificateInfo): Promise<SignatureCheck> {
    const algorithm = certificate.signatureAlgorithm;
    const key = issuer.publicKey;
    const unsupported = (why: string): SignatureCheck => ({
      result: 'unsupported',
      reason: `its ${algorithm.name} signature cannot be checked: ${why}`,
    });
    if (algorithm.hash !== null && !WEBCRYPTO_HASHES.has(algorithm.hash))
      return unsupported(`${algorithm.hash} is not a digest Kubernetes accepts`);

    let importAs: ImportAlgorithm;
    let verifyAs: VerifyAlgorithm;
    let spki = key.spki;
    let signature = certificate.signature;
    switch (algorithm.keyType) {
      case 'RSA': {
        if (key.algorithm !== 'RSA' && key.algorithm !== 'RSA-PSS') return { result: 'invalid' };
        // WebCrypto imports only rsaEncryption SPKIs; an id-RSASSA-PSS key has the same modulus and exponent.
        if (key.algorithm === 'RSA-PSS') spki = asRsaEncryption(key.spki);
        const hash = algorithm.hash ?? '';
        if (!WEBCRYPTO_HASHES.has(hash)) return unsupported('its digest is unknown');
        if (algorithm.pss) {
          if (algorithm.pss.mgf1Hash !== hash) return unsupported('its MGF1 digest differs from its digest');
          if (algorithm.pss.trailerField !== 1) return unsupported('its trailer field is not 1');
          importAs = { name: 'RSA-PSS', hash };
          verifyAs = { name: 'RSA-PSS', saltLength: algorithm.pss.saltLength };
        } else {
          importAs = { name: 'RSASSA-PKCS1-v1_5', hash };
          verifyAs = { name: 'RSASSA-PKCS1-v1_5' };
        }
        break;
      }
      case 'EC': {
        if (key.algorithm !== 'EC') return { result: 'invalid' };
        const size = key.curve ? CURVE_SIZES[key.curve] : undefined;
        if (!size || !key.curve) return unsupported(`the issuer's curve ${key.curve ?? 'unknown'}`);
        const raw = ecdsaToP1363(certificate.signature, size);
        if (!raw) return { result: 'invalid' };
        signature = raw;
        importAs = { name: 'ECDSA', namedCurve: key.curve };
        verifyAs = { name: 'ECDSA', hash: algorithm.hash ?? '' };
        break;
      }
      case 'Ed25519':
        if (key.algorithm !== 'Ed25519') return { result: 'invalid' };
        importAs = verifyAs = { name: 'Ed25519' };
        break;
      default:
        return unsupported('WebCrypto has no such algorithm');
    }
    let publicKey: PublicCryptoKey;
    try {
      publicKey = await this.importKey(spki, importAs);
    } catch {
      return unsupported(`the issuer's ${key.algorithm} key cannot be imported`);
    }
    try {
      return (await this.subtle.verify(verifyAs, publicKey, signature, certificate.tbs))
        ? { result: 'valid' }
        : { result: 'invalid' };
    } catch {
      return { result: 'invalid' };
    }
  }

  private importKey(spki: Bytes, algorithm: ImportAlgorithm) {
    const id = `${JSON.stringify(algorithm)} ${hexOf(spki)}`;
    let key = this.keys.get(id);
    if (!key) {
      key = this.subtle.importKey('spki', spki, algorithm, false, ['verify']);
      this.keys.set(id, key);
    }
    return key;
  }
}

/**
 * X.509 carries an ECDSA signature as DER SEQUENCE { r, s }; WebCrypto wants r ‖ s, each left-padded
 * to the curve's size (P-521: 66 bytes). Passing the DER straight in does not throw, it just never
 * verifies. null when the signature is not such a sequence.
 */
export function ecdsaToP1363(der: Bytes, size: number): Bytes | null {
  // ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 5480 §2.2.3 / RFC 3279 §2.2.3).
  let parts: Bytes[];
  try {
    parts = childrenOf(readOnly(der, TAG.sequence)).map(readIntegerBytes);
  } catch {
    return null;
  }
  if (parts.length !== 2) return null;
  const out = new Uint8Array(2 * size);
  for (const [i, part] of parts.entries()) {
    let bytes = part;
    if ((bytes[0] ?? 0) & 0x80) return null;
    while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return null;
    out.set(bytes, (i + 1) * size - bytes.length);
  }
  return out;
}

/** The rsaEncryption AlgorithmIdentifier: OID 1.2.840.113549.1.1.1 and NULL parameters (RFC 8017 A.1). */
const RSA_ENCRYPTION_ALGORITHM = new Uint8Array([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);

/** The same key bits under rsaEncryption: SEQUENCE { rsaEncryption, the original subjectPublicKey }. */
function asRsaEncryption(spki: Bytes): Bytes {
  const [, subjectPublicKey] = childrenOf(readOnly(spki, TAG.sequence));
  if (!subjectPublicKey) return spki;
  return encodeTlv(TAG.sequence, concatBytes(RSA_ENCRYPTION_ALGORITHM, subjectPublicKey.encoded));
}

function hexOf(bytes: Bytes): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
