import { describe, expect, it } from 'vitest';
import { Report } from '../../../src/schemas/report';
import { kubeconfig } from '../../support/fixtures';
import { call, multipart, yaml } from '../../support/http';

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
