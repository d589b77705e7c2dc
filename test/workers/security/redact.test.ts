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

describe('fingerprint', () => {
  it('is stable and distinguishes its parts', () => {
    expect(fingerprint('a', 'b')).toBe(fingerprint('a', 'b'));
    expect(fingerprint('a', 'b')).not.toBe(fingerprint('ab', ''));
    expect(fingerprint('a')).toMatch(/^[0-9a-f]{16}$/);
  });
});
