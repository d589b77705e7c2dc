/**
 * PEM at ingest: certificate blocks become DER with their line, CA bundles keep every certificate,
 * private key blocks are recognised by their label and dropped, and nothing of a key reaches a report.
 */
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/ingest';
import { Budget } from '../../../src/ingest/budget';
import { findPrivateKeys, isPemText, readPem } from '../../../src/ingest/pem';
import { KEY_BLOCK, pem } from '../../support/pki-uploads';

const KEY_BODY = 'bm90IGEga2V5LCBhIHN0YW5kLWluIGZvciBvbmU=';

describe('readPem', () => {
  it('reads a CA bundle with CRLF line ends, comments between blocks, and a key in the middle', () => {
    const text = `# cluster CA\r\n${pem('ca')}subject=/CN=other\r\n${KEY_BLOCK}${pem('other-ca')}`.replace(
      /\n/g,
      '\r\n',
    );
    const content = readPem(text, new Budget());
    expect(content.certificates.map((c) => [c.index, c.line, c.problem])).toEqual([
      [0, 2, null],
      [1, 2 + pem('ca').split('\n').length + 3, null],
    ]);
    expect(content.certificates.every((c) => c.der?.[0] === 0x30)).toBe(true);
    expect(content.privateKeys).toEqual([
      { label: 'EC PRIVATE KEY', line: pem('ca').split('\n').length + 2, column: 1 },
    ]);
    expect(JSON.stringify(content)).not.toContain(KEY_BODY);
  });

  it('finds a block pasted onto one line, says which block is unterminated, and lists other labels', () => {
    const oneLine = pem('ca').replace(/\n/g, ' ');
    const content = readPem(
      `${oneLine}\n-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n-----BEGIN CERTIFICATE-----\nMIIB\n`,
      new Budget(),
    );
    expect(content.certificates.map((c) => c.problem)).toEqual([null, 'no -----END CERTIFICATE----- line']);
    expect(content.others).toEqual([{ label: 'CERTIFICATE REQUEST', line: 2 }]);
  });

  it('skips what Kubernetes skips: a TRUSTED CERTIFICATE block, and says a body that is not base64', () => {
    const content = readPem(
      '-----BEGIN TRUSTED CERTIFICATE-----\nMIIB\n-----END TRUSTED CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n',
      new Budget(),
    );
    expect(content.others.map((o) => o.label)).toEqual(['TRUSTED CERTIFICATE']);
    expect(content.certificates.map((c) => c.problem)).toEqual(['the block is not valid base64']);
  });

  it('recognises every kind of private key by its label', () => {
    const labels = [
      'PRIVATE KEY',
      'RSA PRIVATE KEY',
      'ENCRYPTED PRIVATE KEY',
      'OPENSSH PRIVATE KEY',
      'PGP PRIVATE KEY BLOCK',
    ];
    const text = labels.map((l) => `-----BEGIN ${l}-----\n${KEY_BODY}\n-----END ${l}-----\n`).join('');
    expect(readPem(text, new Budget()).privateKeys.map((k) => k.label)).toEqual(labels);
    expect(findPrivateKeys(`data:\n  tls.key: |\n    ${text.split('\n').join('\n    ')}`)).toHaveLength(5);
  });

  it('takes a file for PEM only when a BEGIN line starts a line', () => {
    expect(isPemText(pem('ca'))).toBe(true);
    expect(isPemText(`ca.crt: |\n  ${pem('ca').split('\n').join('\n  ')}`)).toBe(false);
  });
});

describe('ingestFile', () => {
  it('lists each block of a PEM file as a document, the key as dropped', () => {
    const file = ingestFile(
      {
        name: '/var/lib/kubelet/pki/kubelet-client-current.pem',
        content: pem('kubelet-client') + KEY_BLOCK,
      },
      new Budget(),
    );
    expect(file.errors).toEqual([]);
    expect(file.documents.map((d) => [d.kind, d.recognized])).toEqual([
      ['Certificate', true],
      ['PrivateKey', true],
    ]);
    expect(file.documents[1]?.note).toContain('dropped unread');
  });

  it('notes private keys pasted into YAML', () => {
    const file = ingestFile(
      {
        name: 'secret.yaml',
        content: `kind: Secret\nstringData:\n  key: |\n    ${KEY_BLOCK.split('\n').join('\n    ')}`,
      },
      new Budget(),
    );
    expect(file.pem?.privateKeys.map((k) => [k.label, k.line])).toEqual([['EC PRIVATE KEY', 4]]);
  });
});
