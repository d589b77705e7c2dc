/**
 * The certificate reader and verifier against an independent implementation: every certificate of the
 * openssl test PKI read by Node's X509Certificate (OpenSSL), field by field, and every issuer-subject
 * pair checked by both. They must agree, but for MD5, which Kubernetes (Go) refuses to check.
 */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/ingest/budget';
import { readPem } from '../../src/ingest/pem';
import { CertificateError, parseCertificate, type CertificateInfo } from '../../src/ingest/x509';
import { SignatureChecker } from '../../src/model/certificates-signatures';
import { PKI } from '../support/pki-uploads';

const names = Object.keys(PKI).sort();
const read = (name: string): { ours: CertificateInfo; openssl: X509Certificate } => {
  const text = PKI[name] ?? '';
  const der = readPem(text, new Budget()).certificates[0]?.der;
  if (!der) throw new Error(`${name}: no certificate`);
  return { ours: parseCertificate(der), openssl: new X509Certificate(text) };
};

describe('the openssl test PKI as Node (OpenSSL) reads it', () => {
  it('has certificates', () => {
    expect(names.length).toBeGreaterThan(40);
  });

  it.each(names)('%s: subject, issuer, serial, validity, SANs, CA flag and key agree', (name) => {
    const { ours, openssl } = read(name);
    const dn = (text: string) => text.split('\n').reverse().join(',');
    expect(ours.subject.text).toBe(dn(openssl.subject));
    expect(ours.issuer.text).toBe(dn(openssl.issuer));
    expect(ours.serialNumber).toBe(openssl.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ''));
    expect(ours.notBefore).toEqual(new Date(openssl.validFrom));
    expect(ours.notAfter).toEqual(new Date(openssl.validTo));
    const sans = (openssl.subjectAltName ?? '').split(', ').filter(Boolean);
    expect(ours.dnsNames).toEqual(sans.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4)));
    expect(ours.ipAddresses).toEqual(sans.filter((s) => s.startsWith('IP Address:')).map((s) => s.slice(11)));
    expect(ours.basicConstraints?.ca ?? false).toBe(openssl.ca);
    const details = openssl.publicKey.asymmetricKeyDetails;
    if (details?.modulusLength) expect(ours.publicKey.bits).toBe(details.modulusLength);
    if (details?.namedCurve)
      expect(ours.publicKey.curve).toBe(CURVES[details.namedCurve] ?? details.namedCurve);
  });

  it('agrees on every signature between certificates whose names match', async () => {
    const checker = new SignatureChecker();
    const all = names.map((name) => ({ name, ...read(name) }));
    const disagreements: string[] = [];
    let checked = 0;
    for (const child of all) {
      for (const parent of all.filter((p) => p.ours.subject.der === child.ours.issuer.der)) {
        const ours = await checker.check(child.ours, parent.ours);
        const openssl = child.openssl.verify(parent.openssl.publicKey);
        checked++;
        if (child.ours.signatureAlgorithm.hash === 'MD5') {
          if (ours.result !== 'unsupported')
            disagreements.push(`${child.name} by ${parent.name}: MD5 ${ours.result}`);
        } else if ((ours.result === 'valid') !== openssl) {
          disagreements.push(`${child.name} by ${parent.name}: ours ${ours.result}, openssl ${openssl}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });
});

const CURVES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  prime192v1: 'P-192',
};

describe('the certificate reader on damaged certificates', () => {
  // Every truncation, and every single octet flipped, of two certificates: read or refused with
  // CertificateError, never another exception (a damaged upload is an input error, not a 500).
  it.each(['apiserver', 'algo-rsa-pss-32'])('%s', (name) => {
    const der = readPem(PKI[name] ?? '', new Budget()).certificates[0]?.der;
    if (!der) throw new Error(`${name}: no certificate`);
    const other: string[] = [];
    const attempt = (bytes: Uint8Array<ArrayBuffer>, what: string) => {
      try {
        parseCertificate(bytes);
      } catch (error) {
        if (!(error instanceof CertificateError)) other.push(`${what}: ${String(error)}`);
      }
    };
    for (let length = 0; length < der.length; length++)
      attempt(der.slice(0, length), `first ${length} octets`);
    for (let i = 0; i < der.length; i++) {
      const flipped = der.slice();
      flipped[i] = (flipped[i] ?? 0) ^ 0xff;
      attempt(flipped, `octet ${i} flipped`);
    }
    expect(other).toEqual([]);
  });
});
