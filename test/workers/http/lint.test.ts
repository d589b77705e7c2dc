import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/schemas/report';
import { KUBELET_CONFIG_PATH, apiserverPod, kubeletConfig, manifestPath } from '../../support/fixtures';
import { call, multipart, yaml } from '../../support/http';

const apiserver = apiserverPod([
  '--authorization-mode=Node,RBAC',
  '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
]);

describe('POST /v1/lint', () => {
  it('lints a raw YAML body named by ?filename and answers 200 with the report', async () => {
    const res = await yaml(apiserver, `?filename=${encodeURIComponent(manifestPath('kube-apiserver'))}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const report = await res.json<Report>();
    expect(report.tool.name).toBe('kube-comms-lint');
    expect(report.paths.map((p) => p.id)).toEqual([
      'node-to-control-plane',
      'apiserver-to-kubelet',
      'apiserver-to-nodes-pods-services',
      'ssh-tunnels',
      'konnectivity',
    ]);
    expect(report.inputs[0]?.file).toBe(manifestPath('kube-apiserver'));
    expect(report.findings.map((f) => f.ruleId)).toContain('proxy-traffic-unprotected');
    expect(report.options).toMatchObject({ network: 'untrusted', kubernetesVersion: '1.31', failOn: null });
  });

  it('lints multipart uploads, one part per file, keeping each path', async () => {
    const form = multipart([
      { name: manifestPath('kube-apiserver'), content: apiserver },
      { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 10255\n') },
    ]);
    const res = await call('/v1/lint', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const report = await res.json<Report>();
    expect(report.inputs.map((i) => i.file)).toEqual([manifestPath('kube-apiserver'), KUBELET_CONFIG_PATH]);
    const finding = report.findings.find((f) => f.ruleId === 'kubelet-read-only-port-enabled');
    expect(finding?.location).toMatchObject({ file: KUBELET_CONFIG_PATH, line: 3 });
  });

  it('lints the JSON envelope with its options', async () => {
    const res = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        files: [{ name: manifestPath('kube-apiserver'), content: apiserver }],
        options: { network: 'trusted', kubernetesVersion: 'v1.30.4' },
      }),
    });
    expect(res.status).toBe(200);
    const report = await res.json<Report>();
    expect(report.options).toMatchObject({
      network: 'trusted',
      kubernetesVersion: '1.30',
      kubernetesVersionSource: 'request option kubernetesVersion',
    });
    expect(report.findings.find((f) => f.ruleId === 'proxy-traffic-unprotected')?.severity).toBe('info');
  });

  it('lints a JSON body that is itself a configuration (a /configz dump)', async () => {
    const res = await call('/v1/lint?filename=configz.json', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"kubeletconfig":{"readOnlyPort":10255,"authentication":{"anonymous":{"enabled":false}}}}',
    });
    expect(res.status).toBe(200);
    const report = await res.json<Report>();
    expect(report.findings.map((f) => f.ruleId)).toContain('kubelet-read-only-port-enabled');
  });

  it('answers 422 with the full report when failOn is met', async () => {
    const res = await yaml(apiserverPod([]), '?failOn=high');
    expect(res.status).toBe(422);
    const report = await res.json<Report>();
    expect(report.summary.passed).toBe(false);
    expect(report.options.failOn).toBe('high');
  });

  it('answers 200 when failOn is not met', async () => {
    const res = await yaml(apiserver, '?failOn=critical');
    expect(res.status).toBe(200);
    expect((await res.json<Report>()).summary.passed).toBe(true);
  });

  it('answers 422 with failOn when a file failed to parse, and still lints the good one', async () => {
    const form = multipart([
      { name: manifestPath('kube-apiserver'), content: apiserver },
      { name: 'broken.yaml', content: 'kind: Pod\nspec:\n  containers: [\n' },
    ]);
    const res = await call('/v1/lint?failOn=critical', { method: 'POST', body: form });
    expect(res.status).toBe(422);
    const report = await res.json<Report>();
    expect(report.inputs[1]?.errors[0]).toMatchObject({ line: 3 });
    expect(report.findings.length).toBeGreaterThan(0);
  });
});
