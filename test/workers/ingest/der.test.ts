/**
 * The DER reader refuses what DER forbids (X.690 §10: indefinite and non-minimal lengths, padded
 * integers and OID arcs, BOOLEANs other than 00/ff) and reads what X.509 holds: OIDs, times on both
 * sides of 2050, the string types of names.
 */
import { describe, expect, it } from 'vitest';
import {
  DerError,
  TAG,
  childrenOf,
  encodeTlv,
  readBoolean,
  readIntegerBytes,
  readOid,
  readOnly,
  readString,
  readTime,
} from '../../../src/ingest/der';

const bytes = (...octets: number[]) => new Uint8Array(octets);
const tlv = (...octets: number[]) => readOnly(bytes(...octets), octets[0] ?? 0);

describe('the DER reader', () => {
  it('reads short and long lengths, and the elements of a SEQUENCE', () => {
    const long = encodeTlv(TAG.octetString, new Uint8Array(300));
    expect([...long.subarray(0, 4)]).toEqual([0x04, 0x82, 0x01, 0x2c]);
    expect(readOnly(long, TAG.octetString).contents.length).toBe(300);
    const sequence = tlv(0x30, 0x06, 0x02, 0x01, 0x05, 0x01, 0x01, 0xff);
    const [integer, boolean] = childrenOf(sequence);
    expect(integer && [...readIntegerBytes(integer)]).toEqual([5]);
    expect(boolean && readBoolean(boolean)).toBe(true);
  });

  it.each([
    ['an indefinite length', [0x30, 0x80, 0x00, 0x00]],
    ['a long form for a short length', [0x04, 0x81, 0x01, 0x00]],
    ['a length with a leading zero octet', [0x04, 0x82, 0x00, 0x81, ...new Array<number>(0x81).fill(0)]],
    ['contents shorter than their length', [0x04, 0x05, 0x00]],
    ['bytes after the element', [0x05, 0x00, 0x00]],
    ['a tag number above 30', [0x1f, 0x20, 0x00]],
  ])('refuses %s', (_, octets) => {
    expect(() => readOnly(bytes(...octets), octets[0] ?? 0)).toThrow(DerError);
  });

  it('refuses integers, booleans and OIDs that are not in their one DER form', () => {
    expect(() => readIntegerBytes(tlv(0x02, 0x02, 0x00, 0x05))).toThrow(DerError);
    expect(() => readIntegerBytes(tlv(0x02, 0x02, 0xff, 0x85))).toThrow(DerError);
    expect([...readIntegerBytes(tlv(0x02, 0x02, 0x00, 0x85))]).toEqual([0x00, 0x85]);
    expect(() => readBoolean(tlv(0x01, 0x01, 0x01))).toThrow(DerError);
    expect(() => readOid(tlv(0x06, 0x02, 0x80, 0x01))).toThrow(DerError);
  });

  it('reads OIDs, the first two arcs packed and long arcs whole', () => {
    // 1.2.840.113549.1.1.11 (sha256WithRSAEncryption), 2.25.<a 128-bit UUID arc>
    expect(readOid(tlv(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b))).toBe(
      '1.2.840.113549.1.1.11',
    );
    expect(readOid(tlv(0x06, 0x03, 0x55, 0x04, 0x03))).toBe('2.5.4.3');
    const uuidArc = [0x83, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
    expect(readOid(tlv(0x06, 1 + uuidArc.length, 0x69, ...uuidArc))).toBe('2.25.36893488147419103231');
  });

  it('reads UTCTime as 19YY from 50 and 20YY below, GeneralizedTime as written', () => {
    const time = (tag: number, text: string) =>
      readTime(readOnly(encodeTlv(tag, new TextEncoder().encode(text)), tag));
    expect(time(TAG.utcTime, '491231235959Z')).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(time(TAG.utcTime, '500101000000Z')).toEqual(new Date('1950-01-01T00:00:00Z'));
    expect(time(TAG.generalizedTime, '20500101000000Z')).toEqual(new Date('2050-01-01T00:00:00Z'));
    expect(() => time(TAG.utcTime, '491231235959+0100')).toThrow(DerError);
    expect(() => time(TAG.utcTime, '491331235959Z')).toThrow(DerError);
  });

  it('reads the string types of names, and says null for what is not a string', () => {
    const string = (tag: number, ...octets: number[]) => readString(tlv(tag, octets.length, ...octets));
    expect(string(TAG.utf8String, 0xc3, 0xa9)).toBe('é');
    expect(string(TAG.printableString, 0x4b, 0x38)).toBe('K8');
    expect(string(TAG.bmpString, 0x00, 0x4b, 0x00, 0x38)).toBe('K8');
    expect(string(TAG.universalString, 0, 0, 0, 0x4b)).toBe('K');
    expect(string(TAG.integer, 0x01)).toBeNull();
  });
});
