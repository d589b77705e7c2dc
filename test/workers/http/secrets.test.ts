import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/schemas/lint-request';
import { Report } from '../../../src/schemas/report';
import { kubeconfig } from '../../support/fixtures';
import { call, multipart, yaml } from '../../support/http';
import { AS_OF, kubeadm, pem, replace } from '../../support/pki-uploads';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlLXZhbHVl';
const KEY =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretsecretsecret\n-----END RSA PRIVATE KEY-----';

describe('uploaded secrets never come back', () => {
  it('does not echo tokens or keys from a kubeconfig with findings', async () => {
    const content = kubeconfig(
      'server: https://10.0.0.10:6443\ninsecure-skip-tls-verify: true',
      `token: ${TOKEN}\nclient-key-data: ${btoa(KEY)}`,
      'system:node:worker-1',
    );
    const res = await call('/v1/lint', {
      method: 'POST',
      body: multipart([{ name: '/etc/kubernetes/kubelet.conf', content }]),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text).findings.length).toBeGreaterThan(0);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(btoa(KEY).slice(0, 40));
  });

  it('does not echo a secret from a file with a syntax error', async () => {
    const res = await yaml(`apiVersion: v1\nkind: Config\nusers:\n- user:\n    token: ${TOKEN}\n  bad: [\n`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(TOKEN);
  });
});

describe('the report keeps its contract', () => {
  it('validates against the Report schema and keeps fingerprints stable across runs and neighbours', async () => {
    const apiserver =
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - command: [kube-apiserver, --secure-port=6443]\n    image: registry.k8s.io/kube-apiserver:v1.31.0\n';
    const first = Report.parse(
      await (await yaml(apiserver, '?filename=/etc/kubernetes/manifests/kube-apiserver.yaml')).json(),
    );
    const again = Report.parse(
      await (
        await call('/v1/lint', {
          method: 'POST',
          body: multipart([
            { name: '/etc/kubernetes/manifests/kube-apiserver.yaml', content: apiserver },
            { name: 'other.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' },
          ]),
        })
      ).json(),
    );
    const prints = (report: Report) => report.findings.map((f) => `${f.ruleId}:${f.fingerprint}`).sort();
    expect(prints(first).length).toBeGreaterThan(0);
    expect(prints(again)).toEqual(prints(first));
  });
});

describe('uploaded private keys are dropped at ingest and never come back', () => {
  /** A real PKCS#8 key, made now and never written anywhere: the test must not depend on a fake body. */
  async function freshKey(): Promise<{ pem: string; body: string }> {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const pkcs8 = new Uint8Array(
      (await crypto.subtle.exportKey('pkcs8', (pair as CryptoKeyPair).privateKey)) as ArrayBuffer,
    );
    const body = btoa(String.fromCharCode(...pkcs8));
    const wrapped = body.match(/.{1,64}/g)?.join('\n') ?? body;
    return { pem: `-----BEGIN PRIVATE KEY-----\n${wrapped}\n-----END PRIVATE KEY-----\n`, body };
  }
  const KUBELET_CLIENT = '/var/lib/kubelet/pki/kubelet-client-current.pem';

  it.each(FORMATS)(
    '%s: a cert-and-key file, a key file and a kubeconfig key give info findings, never the key',
    async (format) => {
      const key = await freshKey();
      const files = [
        ...replace(kubeadm(), KUBELET_CLIENT, pem('kubelet-client') + key.pem),
        { name: '/etc/kubernetes/pki/apiserver.key', content: key.pem },
      ];
      const res = await call(`/v1/lint?format=${format}&asOf=${AS_OF.toISOString()}`, {
        method: 'POST',
        body: multipart(files),
      });
      const text = await res.text();
      expect(res.status).toBe(200);
      // Any 16 characters of the key's base64, wrapped or not, would be a leak.
      const flat = text.replace(/\\n|\s/g, '');
      for (let i = 0; i + 16 <= key.body.length; i += 16)
        expect(flat).not.toContain(key.body.slice(i, i + 16));
      if (format === 'json') {
        const report = Report.parse(JSON.parse(text));
        const keys = report.findings.filter((f) => f.ruleId === 'private-key-uploaded');
        expect(keys.map((f) => f.location.file).sort()).toEqual([
          '/etc/kubernetes/pki/apiserver.key',
          KUBELET_CLIENT,
        ]);
        expect(keys.every((f) => f.severity === 'info')).toBe(true);
        // The certificate before the key in kubelet-client-current.pem is still read and judged.
        expect(report.findings.filter((f) => f.ruleId === 'kubelet-client-cert-identity-invalid')).toEqual(
          [],
        );
        expect(report.coverage.evaluated).toContain('kubelet-client-cert-identity-invalid');
      }
    },
  );

  it('does not echo a key pasted into a YAML file with a syntax error', async () => {
    const key = await freshKey();
    const indented = key.pem
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    const res = await yaml(
      `apiVersion: v1\nkind: Secret\nstringData:\n  tls.key: |\n${indented}\n  bad: [\n`,
    );
    expect(res.status).toBe(400);
    expect((await res.text()).replace(/\\n|\s/g, '')).not.toContain(key.body.slice(0, 32));
  });
});
