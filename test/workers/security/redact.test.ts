import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/engine/fingerprint';
import { redact } from '../../../src/security/redact';

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

describe('fingerprint', () => {
  it('is stable and distinguishes its parts', () => {
    expect(fingerprint('a', 'b')).toBe(fingerprint('a', 'b'));
    expect(fingerprint('a', 'b')).not.toBe(fingerprint('ab', ''));
    expect(fingerprint('a')).toMatch(/^[0-9a-f]{16}$/);
  });
});
