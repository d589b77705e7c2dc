/**
 * The fields of an X.509 certificate the rules read, from its DER bytes, read as RFC 5280 §4.1 lays
 * them out (through src/ingest/der.ts). Names print as Go's pkix.Name.String() and kubectl do (most
 * specific first: `CN=system:node:worker-1,O=system:nodes`), IPs as Go prints them. Checking a
 * signature is src/model/certificates-signatures.ts's job; this only reads.
 */
import {
  DerError,
  TAG,
  childrenOf,
  contextTag,
  expectTag,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOid,
  readOnly,
  readSmallInteger,
  readString,
  readTime,
  type Tlv,
} from './der';
import { own } from '../security/own-property';
import type { Bytes } from './pem';

export interface DistinguishedName {
  /** As Go prints it: `CN=kube-apiserver`, `CN=kubernetes-admin,O=kubeadm:cluster-admins`. */
  text: string;
  /** The last CN, which Kubernetes takes as the user name; null when there is none. */
  commonName: string | null;
  /** Every O, in order: the groups Kubernetes gives a client certificate. */
  organizations: string[];
  /** Hex of the DER encoding: two names are the same name when these are equal. */
  der: string;
}

export type HashName = 'MD2' | 'MD5' | 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface PublicKey {
  /** RSA-PSS is an RSA key whose SubjectPublicKeyInfo says id-RSASSA-PSS (rare; openssl makes them). */
  algorithm: 'RSA' | 'RSA-PSS' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown';
  /** Modulus bits for RSA, the curve's size for EC; null when unknown. */
  bits: number | null;
  /** `P-256`, `P-384`, `P-521`, another curve's name or OID; null for a key that is not EC. */
  curve: string | null;
  /** The DER SubjectPublicKeyInfo, as WebCrypto imports it. */
  spki: Bytes;
}

export interface SignatureAlgorithm {
  /** `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, `RSASSA-PSS`, `Ed25519`, or the OID. */
  name: string;
  /** The kind of key that makes such signatures (RSASSA-PSS is RSA). */
  keyType: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown';
  /** The digest; null for EdDSA and unknown algorithms. For RSASSA-PSS, the digest of its parameters. */
  hash: HashName | null;
  /** RSASSA-PSS parameters (RFC 4055: the salt length defaults to 20, not to the digest's size). */
  pss: { mgf1Hash: HashName | null; saltLength: number; trailerField: number } | null;
}

export interface CertificateInfo {
  /** 1, 2 or 3. */
  version: number;
  /** Lower-case hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  /** Subject alternative names; empty when the extension is absent. */
  dnsNames: string[];
  ipAddresses: string[];
  /** null when the extension is absent (then every usage is allowed). */
  keyUsage: string[] | null;
  /** `serverAuth`, `clientAuth`, `any`, … or the OID; null when absent (then every usage is allowed). */
  extendedKeyUsage: string[] | null;
  /** null when the extension is absent. */
  basicConstraints: { ca: boolean } | null;
  publicKey: PublicKey;
  signatureAlgorithm: SignatureAlgorithm;
  /** The signature as encoded (for ECDSA still the DER SEQUENCE of r and s). */
  signature: Bytes;
  /** The exact bytes the signature covers. */
  tbs: Bytes;
}

export class CertificateError extends Error {
  override name = 'CertificateError';
}

/** Reads one DER certificate; throws CertificateError when it is not one. */
export function parseCertificate(der: Bytes): CertificateInfo {
  try {
    return readCertificate(der);
  } catch (error) {
    if (error instanceof CertificateError) throw error;
    if (error instanceof DerError)
      throw new CertificateError(`not a DER X.509 certificate: ${error.message}`);
    throw error;
  }
}

/**
 * parseCertificate's answer for these bytes, read once: whether a kubelet's kubelet.crt is self-signed
 * (./certificate.ts) and the model's verify() read the same blocks. An error of another kind than
 * CertificateError is a certificate this reader cannot read, too.
 */
export function certificateOf(der: Bytes): CertificateInfo | CertificateError {
  let read = READ.get(der);
  if (!read) {
    try {
      read = parseCertificate(der);
    } catch (error) {
      read = error instanceof CertificateError ? error : new CertificateError('not a certificate');
    }
    READ.set(der, read);
  }
  return read;
}

const READ = new WeakMap<Bytes, CertificateInfo | CertificateError>();

/**
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING };
 * TBSCertificate ::= SEQUENCE { [0] EXPLICIT version DEFAULT v1, serialNumber, signature, issuer,
 * validity, subject, subjectPublicKeyInfo, [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions }.
 */
function readCertificate(der: Bytes): CertificateInfo {
  const [tbs, outerAlgorithm, signatureValue, ...rest] = childrenOf(readOnly(der, TAG.sequence));
  if (!tbs || !outerAlgorithm || !signatureValue || rest.length > 0)
    throw new CertificateError('not a DER X.509 certificate: a Certificate has three parts');
  const fields = childrenOf(expectTag(tbs, TAG.sequence));
  let next = 0;
  let version = 1;
  const first = fields[0];
  if (first?.tag === contextTag(0, true)) {
    version = readSmallInteger(only(childrenOf(first))) + 1;
    next = 1;
  }
  const take = (): Tlv => {
    const field = fields[next++];
    if (!field) throw new CertificateError('not a DER X.509 certificate: tbsCertificate is short');
    return field;
  };
  const serial = readIntegerBytes(take());
  const innerAlgorithm = take();
  const issuer = take();
  const validity = childrenOf(expectTag(take(), TAG.sequence));
  const subject = take();
  const spki = take();
  let extensions = new Map<string, Bytes>();
  for (const field of fields.slice(next)) {
    if (field.tag === contextTag(3, true)) extensions = readExtensions(only(childrenOf(field)));
    else if (field.tag !== contextTag(1, false) && field.tag !== contextTag(2, false))
      throw new CertificateError('not a DER X.509 certificate: an unknown tbsCertificate field');
  }
  // RFC 5280 §4.1.1.2: the signature field inside must equal the one outside.
  if (!sameBytes(innerAlgorithm.encoded, outerAlgorithm.encoded))
    throw new CertificateError('its two signature algorithm fields differ');
  const [notBefore, notAfter] = validity;
  if (!notBefore || !notAfter || validity.length !== 2) throw new CertificateError('malformed validity');
  const extension = <T>(oid: string, read: (value: Bytes) => T): T | null => {
    const value = extensions.get(oid);
    if (value === undefined) return null;
    try {
      return read(value);
    } catch {
      throw new CertificateError(`extension ${oid} cannot be read`);
    }
  };
  const san = extension(SUBJECT_ALT_NAME, readSubjectAltNames);
  const signature = readBitString(signatureValue);
  if (signature.unused !== 0) throw new CertificateError('the signature is not whole octets');
  return {
    version,
    serialNumber: hex(serial).replace(/^(00)+(?=.)/, ''),
    subject: distinguishedName(subject),
    issuer: distinguishedName(issuer),
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    dnsNames: san?.dnsNames ?? [],
    ipAddresses: san?.ipAddresses ?? [],
    keyUsage: extension(KEY_USAGE, readKeyUsage),
    extendedKeyUsage: extension(EXTENDED_KEY_USAGE, (value) =>
      childrenOf(readOnly(value, TAG.sequence)).map(
        (oid) => EXTENDED_KEY_USAGES[readOid(oid)] ?? readOid(oid),
      ),
    ),
    basicConstraints: extension(BASIC_CONSTRAINTS, (value) => {
      // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }
      const [ca] = childrenOf(readOnly(value, TAG.sequence));
      return { ca: ca?.tag === TAG.boolean ? readBoolean(ca) : false };
    }),
    publicKey: publicKey(spki),
    signatureAlgorithm: signatureAlgorithm(outerAlgorithm),
    signature: signature.bytes,
    tbs: tbs.encoded,
  };
}

/** Extensions ::= SEQUENCE OF Extension { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function readExtensions(tlv: Tlv): Map<string, Bytes> {
  const byOid = new Map<string, Bytes>();
  for (const extension of childrenOf(expectTag(tlv, TAG.sequence))) {
    const parts = childrenOf(expectTag(extension, TAG.sequence));
    const [id, second, third] = parts;
    if (!id) throw new CertificateError('an empty extension');
    const oid = readOid(id);
    const value = third ?? second;
    if (!value || (third && second?.tag !== TAG.boolean))
      throw new CertificateError(`extension ${oid} is malformed`);
    // RFC 5280 §4.2: a certificate must not include more than one instance of an extension.
    if (byOid.has(oid)) throw new CertificateError(`extension ${oid} appears twice`);
    byOid.set(oid, expectTag(value, TAG.octetString).contents);
  }
  return byOid;
}

/** GeneralNames: dNSName [2] IA5String and iPAddress [7] OCTET STRING, both IMPLICIT (RFC 5280 §4.2.1.6). */
function readSubjectAltNames(value: Bytes): { dnsNames: string[]; ipAddresses: string[] } {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  for (const name of childrenOf(readOnly(value, TAG.sequence))) {
    if (name.tag === contextTag(2, false)) dnsNames.push(readString({ ...name, tag: TAG.ia5String }) ?? '');
    else if (name.tag === contextTag(7, false)) ipAddresses.push(formatIp(name.contents));
  }
  return { dnsNames, ipAddresses };
}

/** KeyUsage ::= BIT STRING, bit 0 (digitalSignature) the first octet's high bit (RFC 5280 §4.2.1.3). */
function readKeyUsage(value: Bytes): string[] {
  const { bytes } = readBitString(readOnly(value, TAG.bitString));
  return KEY_USAGES.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue { type, value }). */
function distinguishedName(name: Tlv): DistinguishedName {
  const rdns = childrenOf(expectTag(name, TAG.sequence)).map((rdn) =>
    childrenOf(expectTag(rdn, TAG.set)).map((pair) => {
      const [type, value] = childrenOf(expectTag(pair, TAG.sequence));
      if (!type || !value) throw new CertificateError('a name attribute without a value');
      const oid = readOid(type);
      const text = readString(value);
      // Go prints a value that is not a string as # and the hex of its DER (pkix.Name.String, RFC 4514 §2.4).
      return {
        type: oid,
        value: text ?? '',
        printed: text === null ? `#${hex(value.encoded)}` : escapeValue(text),
      };
    }),
  );
  const attributes = rdns.flat();
  const printed = rdns.map((rdn) =>
    rdn.map((a) => `${own(NAME_ATTRIBUTES, a.type) ?? a.type}=${a.printed}`).join('+'),
  );
  return {
    text: printed.reverse().join(','),
    commonName: attributes.filter((a) => a.type === COMMON_NAME).at(-1)?.value ?? null,
    organizations: attributes.filter((a) => a.type === ORGANIZATION).map((a) => a.value),
    der: hex(name.encoded),
  };
}

/** RFC 4514 escaping, as Go's pkix.Name.String() does it. */
function escapeValue(value: string): string {
  return value
    .replace(/[\\,+"<>;]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
function publicKey(spki: Tlv): PublicKey {
  const [algorithm, bits] = childrenOf(expectTag(spki, TAG.sequence));
  if (!algorithm || !bits) throw new CertificateError('malformed subjectPublicKeyInfo');
  const [id, parameters] = childrenOf(expectTag(algorithm, TAG.sequence));
  if (!id) throw new CertificateError('malformed subjectPublicKeyInfo');
  const oid = readOid(id);
  const key: PublicKey = {
    algorithm: own(KEY_ALGORITHMS, oid) ?? 'unknown',
    bits: null,
    curve: null,
    spki: spki.encoded,
  };
  try {
    if (key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') {
      // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1).
      const [modulus] = childrenOf(readOnly(readBitString(bits).bytes, TAG.sequence));
      if (modulus) key.bits = bitLength(readIntegerBytes(modulus));
    } else if (key.algorithm === 'EC' && parameters) {
      // ECParameters: a namedCurve OID (RFC 5480 §2.1.1); explicit parameters are not named.
      const named = parameters.tag === TAG.oid ? readOid(parameters) : null;
      const curve = named ? own(CURVES, named) : undefined;
      key.curve = curve?.name ?? named ?? 'explicit parameters';
      key.bits = curve?.bits ?? null;
    } else if (key.algorithm === 'Ed25519') {
      key.bits = 256;
    }
  } catch {
    // A key whose parameters cannot be read keeps bits null: certificate-weak says it cannot tell.
  }
  return key;
}

/**
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }; for RSASSA-PSS the
 * parameters are RFC 4055 §3.1's { [0] hashAlgorithm DEFAULT sha1, [1] maskGenAlgorithm DEFAULT
 * mgf1SHA1, [2] saltLength DEFAULT 20, [3] trailerField DEFAULT 1 }, each EXPLICIT.
 */
function signatureAlgorithm(tlv: Tlv): SignatureAlgorithm {
  const [id, parameters] = childrenOf(expectTag(tlv, TAG.sequence));
  if (!id) throw new CertificateError('malformed signature algorithm');
  const oid = readOid(id);
  if (oid === RSASSA_PSS) {
    let hash: HashName | null = 'SHA-1';
    let mgf1Hash: HashName | null = 'SHA-1';
    let saltLength = 20;
    let trailerField = 1;
    const hashOf = (algorithm: Tlv | undefined) => {
      const [hashId] = algorithm ? childrenOf(expectTag(algorithm, TAG.sequence)) : [];
      return hashId ? (HASHES[readOid(hashId)] ?? null) : null;
    };
    try {
      for (const field of parameters && parameters.tag !== TAG.null
        ? childrenOf(expectTag(parameters, TAG.sequence))
        : []) {
        const inner = only(childrenOf(field));
        if (field.tag === contextTag(0, true)) hash = hashOf(inner);
        else if (field.tag === contextTag(1, true)) {
          const [mgfId, mgfHash] = childrenOf(expectTag(inner, TAG.sequence));
          mgf1Hash = mgfId && readOid(mgfId) === MGF1 ? hashOf(mgfHash) : null;
        } else if (field.tag === contextTag(2, true)) saltLength = readSmallInteger(inner);
        else if (field.tag === contextTag(3, true)) trailerField = readSmallInteger(inner);
      }
    } catch {
      throw new CertificateError('unreadable RSASSA-PSS parameters');
    }
    return { name: 'RSASSA-PSS', keyType: 'RSA', hash, pss: { mgf1Hash, saltLength, trailerField } };
  }
  const known = own(SIGNATURE_ALGORITHMS, oid);
  return known
    ? { name: known[0], keyType: known[1], hash: known[2], pss: null }
    : { name: oid, keyType: 'unknown', hash: null, pss: null };
}

/** IPv4 dotted, IPv6 as Go's net.IP.String() writes it (RFC 5952: lower case, the longest zero run as ::). */
function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length !== 16) return `?${hex(bytes)}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const text = groups.map((group) => group.toString(16));
  if (best.start < 0) return text.join(':');
  return `${text.slice(0, best.start).join(':')}::${text.slice(best.start + best.length).join(':')}`;
}

function only(children: Tlv[]): Tlv {
  const [child, ...rest] = children;
  if (!child || rest.length > 0) throw new DerError('one element was expected');
  return child;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function bitLength(unsigned: Uint8Array): number {
  let i = 0;
  while (i < unsigned.length && unsigned[i] === 0) i++;
  const top = unsigned[i];
  return top === undefined ? 0 : (unsigned.length - i - 1) * 8 + (32 - Math.clz32(top));
}

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const MGF1 = '1.2.840.113549.1.1.8';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const SUBJECT_ALT_NAME = '2.5.29.17';
const KEY_USAGE = '2.5.29.15';
const EXTENDED_KEY_USAGE = '2.5.29.37';
const BASIC_CONSTRAINTS = '2.5.29.19';

const NAME_ATTRIBUTES: Record<string, string> = {
  [COMMON_NAME]: 'CN',
  [ORGANIZATION]: 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.17': 'POSTALCODE',
  '2.5.4.5': 'SERIALNUMBER',
};

const KEY_ALGORITHMS: Record<string, PublicKey['algorithm']> = {
  [RSA_ENCRYPTION]: 'RSA',
  [RSASSA_PSS]: 'RSA-PSS',
  [EC_PUBLIC_KEY]: 'EC',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
};

const CURVES: Record<string, { name: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
};

const HASHES: Record<string, HashName> = {
  '1.2.840.113549.2.2': 'MD2',
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const SIGNATURE_ALGORITHMS: Record<
  string,
  [string, SignatureAlgorithm['keyType'], SignatureAlgorithm['hash']]
> = {
  '1.2.840.113549.1.1.2': ['md2WithRSAEncryption', 'RSA', 'MD2'],
  '1.2.840.113549.1.1.4': ['md5WithRSAEncryption', 'RSA', 'MD5'],
  '1.2.840.113549.1.1.5': ['sha1WithRSAEncryption', 'RSA', 'SHA-1'],
  '1.3.14.3.2.29': ['sha1WithRSASignature', 'RSA', 'SHA-1'],
  '1.2.840.113549.1.1.14': ['sha224WithRSAEncryption', 'RSA', 'SHA-224'],
  '1.2.840.113549.1.1.11': ['sha256WithRSAEncryption', 'RSA', 'SHA-256'],
  '1.2.840.113549.1.1.12': ['sha384WithRSAEncryption', 'RSA', 'SHA-384'],
  '1.2.840.113549.1.1.13': ['sha512WithRSAEncryption', 'RSA', 'SHA-512'],
  '1.2.840.10045.4.1': ['ecdsa-with-SHA1', 'EC', 'SHA-1'],
  '1.2.840.10045.4.3.1': ['ecdsa-with-SHA224', 'EC', 'SHA-224'],
  '1.2.840.10045.4.3.2': ['ecdsa-with-SHA256', 'EC', 'SHA-256'],
  '1.2.840.10045.4.3.3': ['ecdsa-with-SHA384', 'EC', 'SHA-384'],
  '1.2.840.10045.4.3.4': ['ecdsa-with-SHA512', 'EC', 'SHA-512'],
  '1.3.101.112': ['Ed25519', 'Ed25519', null],
  '1.3.101.113': ['Ed448', 'Ed448', null],
  '1.2.840.10040.4.3': ['dsa-with-SHA1', 'DSA', 'SHA-1'],
  '2.16.840.1.101.3.4.3.2': ['dsa-with-SHA256', 'DSA', 'SHA-256'],
};

const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'any',
};

/** KeyUsage's bits, in order (RFC 5280 §4.2.1.3; bit 1 is X.509's nonRepudiation, renamed). */
const KEY_USAGES = [
  'digitalSignature',
  'contentCommitment',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];
