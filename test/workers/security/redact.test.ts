import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/engine/fingerprint';
import { hasBase64Run, mayHoldBootstrapToken, redact } from '../../../src/security/redact';

describe('redact', () => {
  it.each([
    ['--token=0123456789abcdef', '--token=[redacted]'],
    ['token: abc123secret', 'token: [redacted]'],
    ['password: "hunter2"', 'password: "[redacted]"'],
    ['bootstrap abcdef.0123456789abcdef joined', 'bootstrap [redacted] joined'],
    ['jwt eyJhbGciOi.eyJzdWIiOiJ4In0.sig-nature here', 'jwt [redacted] here'],
    [
      'client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVND',
      'client-key-data: [redacted]',
    ],
    ['key -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- end', 'key [redacted] end'],
  ])('hides the secret in %j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it.each([
    '--kubelet-certificate-authority not set; readOnlyPort: 10255; --authorization-mode=Node,RBAC',
    '--enable-bootstrap-token-auth=false',
    '--token-auth-file=/etc/kubernetes/known_tokens.csv',
    'tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token',
    'automountServiceAccountToken: false',
    'k3s/tests/acceptance/modules/k3scluster/master/cis_master_config.yaml',
    '/var/lib/rancher/k3s/server/tls/client-kube-apiserver.crt',
  ])('leaves what a user acts on alone: %s', (evidence) => {
    expect(redact(evidence)).toBe(evidence);
  });
});

/** Random test material of the shapes Talos and k0s write, made at test time (no secret is committed). */
const random = (bytes: number) => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));
const token = () =>
  Array.from(
    crypto.getRandomValues(new Uint8Array(22)),
    (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36],
  )
    .join('')
    .replace(/^(.{6})(.{16}).*$/, '$1.$2');
const pem = (label: string) => btoa(`-----BEGIN ${label}-----\n${random(600)}\n-----END ${label}-----\n`);

describe('redact: the secrets of a Talos machine configuration and a k0s ClusterConfig', () => {
  // talosctl gen config: machine.token, machine.ca.key, cluster.secret, cluster.token, the
  // encryption secrets, cluster.serviceAccount.key; Talos 1.15's multi-document kinds:
  // clusterSecret, issuingCA.key, secretbox keys[].secret, KubeServiceAccountConfig.issuer.privateKey.
  const secrets = {
    machineToken: token(),
    caKey: pem('ED25519 PRIVATE KEY'),
    clusterSecret: random(32),
    clusterToken: token(),
    secretbox: random(32),
    aescbc: random(32),
    serviceAccountKey: pem('RSA PRIVATE KEY'),
    issuerPrivateKey: pem('RSA PRIVATE KEY'),
  };
  const lines = [
    `token: ${secrets.machineToken}`,
    `key: ${secrets.caKey}`,
    `secret: ${secrets.clusterSecret}`,
    `token: ${secrets.clusterToken}`,
    `secretboxEncryptionSecret: ${secrets.secretbox}`,
    `aescbcEncryptionSecret: ${secrets.aescbc}`,
    `clusterSecret: ${secrets.clusterSecret}`,
    `key: ${secrets.serviceAccountKey}`,
    `privateKey: ${secrets.issuerPrivateKey}`,
    `--token=${secrets.machineToken}`,
  ];
  it.each(lines)('hides the value of %s', (line) => {
    const result = redact(line);
    for (const value of Object.values(secrets)) expect(result).not.toContain(value);
    expect(result).toContain('[redacted]');
  });

  it.each([
    'extraArgs: {anonymous-auth: "true"}',
    'certSANs: [10.0.0.1, api.example.com]',
    'clientKeyPath: /var/lib/k0s/pki/etcd-client.key',
    'serverTLSBootstrap: true',
  ])('keeps %s', (line) => {
    expect(redact(line)).toBe(line);
  });
});

describe('redact: the scans that decide whether the bootstrap-token and base64 patterns run', () => {
  const BOOTSTRAP_TOKEN = /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/;
  const BASE64_RUN = /\b[A-Za-z0-9+/]{40,}={0,2}/;
  const alphabet = fc.constantFrom(...'abz09AZ+/=. -_'.split(''));
  const texts = fc.oneof(
    fc.string({ unit: alphabet, maxLength: 120 }),
    // Runs one character short of the patterns' lengths, at them, and past them.
    fc
      .tuple(
        fc.string({ unit: alphabet, maxLength: 10 }),
        fc.integer({ min: 38, max: 42 }),
        fc.string({ unit: alphabet, maxLength: 10 }),
      )
      .map(([head, length, tail]) => `${head}${'aZ9+'.repeat(11).slice(0, length)}${tail}`),
    fc
      .tuple(
        fc.integer({ min: 5, max: 7 }),
        fc.integer({ min: 15, max: 17 }),
        fc.string({ unit: alphabet, maxLength: 3 }),
      )
      .map(
        ([before, after, tail]) =>
          `${'a1'.repeat(4).slice(0, before)}.${'b2'.repeat(9).slice(0, after)}${tail}`,
      ),
  );
  it('never skip a text a pattern matches (fast-check, 3,000 texts)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (BOOTSTRAP_TOKEN.test(text)) expect(mayHoldBootstrapToken(text)).toBe(true);
        if (BASE64_RUN.test(text)) expect(hasBase64Run(text)).toBe(true);
      }),
      { numRuns: 3000, seed: 1202 },
    );
  });

  it('skip prose, which holds neither', () => {
    const prose =
      'kube-apiserver (/etc/kubernetes/manifests/kube-apiserver.yaml) sets --authorization-mode=AlwaysAllow: every request is allowed.';
    expect([mayHoldBootstrapToken(prose), hasBase64Run(prose)]).toEqual([false, false]);
    expect(mayHoldBootstrapToken('join abcdef.0123456789abcdef')).toBe(true);
  });
});

describe('fingerprint', () => {
  it('is stable and distinguishes its parts', () => {
    expect(fingerprint('a', 'b')).toBe(fingerprint('a', 'b'));
    expect(fingerprint('a', 'b')).not.toBe(fingerprint('ab', ''));
    expect(fingerprint('a')).toMatch(/^[0-9a-f]{16}$/);
  });
});
