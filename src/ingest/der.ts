/**
 * A strict reader of DER (ITU-T X.690 §8 and §10): one TLV at a time, definite lengths in their shortest
 * form only, no bytes left over. It reads what X.509 certificates are made of and nothing else; the
 * structures themselves (RFC 5280) are src/ingest/x509.ts's.
 */
import type { Bytes } from './pem';

export class DerError extends Error {
  override name = 'DerError';
}

/** Universal tags (X.690 §8.4, X.680 §8.6) the certificate reader meets. */
export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** One element: its identifier octet, its contents, and its whole encoding (for signed bytes and names). */
export interface Tlv {
  /** The identifier octet: class, constructed bit and a tag number below 31 (all X.509 uses). */
  tag: number;
  contents: Bytes;
  encoded: Bytes;
}

/** The context-specific tag `[n]`, constructed (EXPLICIT or a structure) or primitive (IMPLICIT). */
export const contextTag = (n: number, constructed: boolean): number => 0x80 | (constructed ? 0x20 : 0) | n;

/** Reads the element at `offset`; returns it and where the next one starts. */
export function readTlv(bytes: Bytes, offset: number): { tlv: Tlv; end: number } {
  const tag = bytes[offset];
  if (tag === undefined) throw new DerError('truncated: an element was expected');
  // High tag numbers (low bits 11111) never occur in X.509.
  if ((tag & 0x1f) === 0x1f) throw new DerError('tag numbers above 30 are not read');
  let cursor = offset + 1;
  const first = bytes[cursor++];
  if (first === undefined) throw new DerError('truncated length');
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids (X.690 §10.1); more than 4 octets is no certificate.
    if (count === 0 || count > 4) throw new DerError('indefinite or oversized length');
    length = 0;
    for (let i = 0; i < count; i++) {
      const octet = bytes[cursor++];
      if (octet === undefined) throw new DerError('truncated length');
      length = length * 256 + octet;
    }
    // DER: the shortest form (X.690 §10.1).
    if (length < 0x80 || (count > 1 && bytes[cursor - count] === 0))
      throw new DerError('length not in its shortest form');
  }
  const end = cursor + length;
  if (end > bytes.length) throw new DerError('truncated contents');
  return {
    tlv: { tag, contents: bytes.subarray(cursor, end), encoded: bytes.subarray(offset, end) },
    end,
  };
}

/** The single element `bytes` must hold, of this tag. */
export function readOnly(bytes: Bytes, tag: number): Tlv {
  const { tlv, end } = readTlv(bytes, 0);
  if (end !== bytes.length) throw new DerError('bytes after the element');
  return expectTag(tlv, tag);
}

export function expectTag(tlv: Tlv, tag: number): Tlv {
  if (tlv.tag !== tag)
    throw new DerError(`tag 0x${tlv.tag.toString(16)} where 0x${tag.toString(16)} was expected`);
  return tlv;
}

/** The elements of a constructed element (SEQUENCE, SET, EXPLICIT tag). */
export function childrenOf(tlv: Tlv): Tlv[] {
  if (!(tlv.tag & 0x20)) throw new DerError('a primitive element where a constructed one was expected');
  const children: Tlv[] = [];
  for (let offset = 0; offset < tlv.contents.length;) {
    const next = readTlv(tlv.contents, offset);
    children.push(next.tlv);
    offset = next.end;
  }
  return children;
}

/** OBJECT IDENTIFIER in dotted form (X.690 §8.19); arcs beyond 2^53 are read as BigInt. */
export function readOid(tlv: Tlv): string {
  const bytes = expectTag(tlv, TAG.oid).contents;
  if (bytes.length === 0) throw new DerError('empty OID');
  const arcs: string[] = [];
  let value = 0n;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    // A leading 0x80 pads a subidentifier, which X.690 §8.19.2 forbids.
    if (value === 0n && byte === 0x80) throw new DerError('padded OID arc');
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (byte & 0x80) {
      if (i === bytes.length - 1) throw new DerError('truncated OID');
      continue;
    }
    if (arcs.length === 0) {
      // The first subidentifier packs the first two arcs (X.690 §8.19.4).
      const first = value < 40n ? 0n : value < 80n ? 1n : 2n;
      arcs.push(String(first), String(value - first * 40n));
    } else {
      arcs.push(String(value));
    }
    value = 0n;
  }
  return arcs.join('.');
}

/** INTEGER's contents (two's complement, big-endian), checked for DER's minimal form (X.690 §8.3.2). */
export function readIntegerBytes(tlv: Tlv): Bytes {
  const bytes = expectTag(tlv, TAG.integer).contents;
  if (bytes.length === 0) throw new DerError('empty INTEGER');
  const [a = 0, b = 0] = bytes;
  if (bytes.length > 1 && ((a === 0 && !(b & 0x80)) || (a === 0xff && b & 0x80)))
    throw new DerError('INTEGER not in its shortest form');
  return bytes;
}

/** A small INTEGER (a version, a salt length); throws for one that does not fit. */
export function readSmallInteger(tlv: Tlv): number {
  const bytes = readIntegerBytes(tlv);
  if (bytes.length > 4 || (bytes[0] ?? 0) & 0x80) throw new DerError('INTEGER out of range');
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

/** BOOLEAN (DER: 0x00 or 0xff, X.690 §11.1). */
export function readBoolean(tlv: Tlv): boolean {
  const bytes = expectTag(tlv, TAG.boolean).contents;
  if (bytes.length !== 1 || (bytes[0] !== 0 && bytes[0] !== 0xff)) throw new DerError('BOOLEAN not DER');
  return bytes[0] === 0xff;
}

/** BIT STRING: its unused trailing bits and its octets (X.690 §8.6). */
export function readBitString(tlv: Tlv, tag: number = TAG.bitString): { unused: number; bytes: Bytes } {
  const contents = expectTag(tlv, tag).contents;
  const unused = contents[0];
  if (unused === undefined || unused > 7 || (unused > 0 && contents.length === 1))
    throw new DerError('malformed BIT STRING');
  return { unused, bytes: contents.subarray(1) };
}

/** UTCTime or GeneralizedTime in the forms RFC 5280 §4.1.2.5 allows: UTC, seconds, no fraction. */
export function readTime(tlv: Tlv): Date {
  const text = latin1(tlv.contents);
  const match =
    tlv.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : tlv.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (!match) throw new DerError(`not a certificate time: ${text.slice(0, 20)}`);
  const [, y = '', mo = '', d = '', h = '', mi = '', s = ''] = match;
  let year = Number(y);
  // RFC 5280 §4.1.2.5.1: a two-digit year below 50 is 20YY, otherwise 19YY.
  if (tlv.tag === TAG.utcTime) year += year < 50 ? 2000 : 1900;
  const date = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  // Date.UTC maps years 0-99 to 19xx; set the full year on its own.
  date.setUTCFullYear(year);
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(mo) - 1)
    throw new DerError(`not a certificate time: ${text}`);
  return date;
}

/** The directory string types of X.520 names, as text; null for a type that is not a string. */
export function readString(tlv: Tlv): string | null {
  const bytes = tlv.contents;
  switch (tlv.tag) {
    case TAG.utf8String:
      return new TextDecoder().decode(bytes);
    // T61String (Teletex) is read byte for byte, as OpenSSL prints it.
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.teletexString:
      return latin1(bytes);
    case TAG.bmpString:
      return utf16be(bytes);
    case TAG.universalString: {
      let text = '';
      for (let i = 0; i + 3 < bytes.length; i += 4)
        text += String.fromCodePoint(
          (((bytes[i] ?? 0) << 24) |
            ((bytes[i + 1] ?? 0) << 16) |
            ((bytes[i + 2] ?? 0) << 8) |
            (bytes[i + 3] ?? 0)) >>>
            0,
        );
      return text;
    }
    default:
      return null;
  }
}

/** Encodes one element: the inverse of readTlv, for the few structures rebuilt (a relabelled key). */
export function encodeTlv(tag: number, contents: Uint8Array): Bytes {
  const length = contents.length;
  const lengthOctets: number[] = [];
  if (length < 0x80) lengthOctets.push(length);
  else {
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthOctets.unshift(rest % 256);
    lengthOctets.unshift(0x80 | lengthOctets.length);
  }
  const out = new Uint8Array(1 + lengthOctets.length + length);
  out[0] = tag;
  out.set(lengthOctets, 1);
  out.set(contents, 1 + lengthOctets.length);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function utf16be(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2)
    text += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return text;
}
