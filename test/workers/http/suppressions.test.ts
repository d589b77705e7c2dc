import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/schemas/problem';
import type { Report } from '../../../src/schemas/report';
import { KUBELET_CONFIG_PATH, apiserverPod, kubeletConfig, manifestPath } from '../../support/fixtures';
import { call, multipart, yaml } from '../../support/http';

const OPEN_KUBELET = kubeletConfig('readOnlyPort: 10255\n');
const named = `?filename=${encodeURIComponent(KUBELET_CONFIG_PATH)}`;
const READ_ONLY = 'kubelet-read-only-port-enabled';
const CA_MISSING = 'apiserver-kubelet-certificate-authority-missing';

/** A kube-apiserver static pod with annotations; it has no --kubelet-certificate-authority. */
function annotatedApiserver(annotations: Record<string, string>): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: kube-apiserver',
    '  namespace: kube-system',
    '  annotations:',
    ...Object.entries(annotations).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`),
    'spec:',
    '  containers:',
    '  - command:',
    '    - kube-apiserver',
    '    - --authorization-mode=Node,RBAC',
    '    image: registry.k8s.io/kube-apiserver:v1.31.2',
    '    name: kube-apiserver',
    '',
  ].join('\n');
}

async function lintApiserver(content: string, query = ''): Promise<{ status: number; report: Report }> {
  const res = await call(`/v1/lint${query}`, {
    method: 'POST',
    body: multipart([
      { name: manifestPath('kube-apiserver'), content },
      { name: KUBELET_CONFIG_PATH, content: OPEN_KUBELET },
    ]),
  });
  return { status: res.status, report: await res.json<Report>() };
}

describe('suppression by request option', () => {
  it('skipRules lists the findings apart, counts them, and leaves verdicts and failOn alone', async () => {
    // rules= keeps other rules (and rules still to come) out of this test; in it, only the read-only
    // port is wrong. The API server is there so that paths can be assessed (nothing judged fails).
    const only = `?rules=${READ_ONLY},kubelet-anonymous-auth-enabled&failOn=high`;
    const upload = (query: string) =>
      call(`/v1/lint${query}`, {
        method: 'POST',
        body: multipart([
          { name: manifestPath('kube-apiserver'), content: apiserverPod(['--authorization-mode=Node,RBAC']) },
          { name: KUBELET_CONFIG_PATH, content: OPEN_KUBELET },
        ]),
      });
    const before = await upload(only);
    expect(before.status).toBe(422);
    const counted = await before.json<Report>();
    expect(counted.findings.map((f) => f.ruleId)).toEqual([READ_ONLY]);

    const res = await upload(`${only}&skipRules=${READ_ONLY}`);
    expect(res.status).toBe(200);
    const report = await res.json<Report>();
    expect(report.findings).toEqual([]);
    expect(report.suppressed.find((f) => f.ruleId === READ_ONLY)).toMatchObject({
      location: { file: KUBELET_CONFIG_PATH, line: 3 },
      suppression: { source: 'option', reason: `skipRules=${READ_ONLY}` },
    });
    expect(report.summary).toMatchObject({ suppressed: report.suppressed.length, findings: 0, passed: true });
    expect(report.summary.suppressed).toBe(counted.summary.suppressed + 1);
    expect(report.options.skipRules).toEqual([READ_ONLY]);
    const verdict = (r: Report) => r.paths.find((p) => p.id === 'apiserver-to-kubelet');
    expect(verdict(counted)?.verdict).toBe('insecure');
    expect(verdict(report)?.verdict).not.toBe('insecure');
    expect(verdict(report)?.reason).toMatch(/; \d+ suppressed$/);
  });

  it('rules= keeps only the listed rules; the others are suppressed, not dropped', async () => {
    const all = await (await yaml(OPEN_KUBELET, named)).json<Report>();
    const report = await (await yaml(OPEN_KUBELET, `${named}&rules=${READ_ONLY}`)).json<Report>();
    expect(report.findings.map((f) => f.ruleId)).toEqual([READ_ONLY]);
    expect(report.suppressed.length).toBe(all.findings.length - 1);
    expect(report.suppressed.every((f) => f.suppression.reason === `not among rules=${READ_ONLY}`)).toBe(
      true,
    );
    expect(report.options.rules).toEqual([READ_ONLY]);
  });

  it('takes skipRules from the JSON envelope', async () => {
    const res = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        files: [{ name: KUBELET_CONFIG_PATH, content: OPEN_KUBELET }],
        options: { skipRules: READ_ONLY },
      }),
    });
    expect((await res.json<Report>()).suppressed.map((f) => f.ruleId)).toEqual([READ_ONLY]);
  });

  it('400 for an unknown rule id, naming it and the option', async () => {
    const res = await yaml(OPEN_KUBELET, `${named}&skipRules=${READ_ONLY},no-such-rule`);
    expect(res.status).toBe(400);
    const problem = await res.json<Problem>();
    expect(problem.type).toBe('/docs#problem-unknown-rule');
    expect(problem.parameter).toBe('skipRules');
    expect(problem.unknownRules).toEqual(['no-such-rule']);
    expect(problem.detail).toContain('no-such-rule');
    const only = await yaml(OPEN_KUBELET, `${named}&rules=nope`);
    expect((await only.json<Problem>()).parameter).toBe('rules');
  });

  it('400 for a list that is not rule ids', async () => {
    const res = await yaml(OPEN_KUBELET, `${named}&skipRules=${encodeURIComponent('a b;c')}`);
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).parameter).toBe('skipRules');
  });
});

describe('suppression by annotation on the object a finding points at', () => {
  it('suppresses the named rules with the reason, only on that object', async () => {
    const { report } = await lintApiserver(
      annotatedApiserver({
        'kube-comms-lint.io/ignore': `${CA_MISSING}, ${READ_ONLY}`,
        'kube-comms-lint.io/ignore-reason': 'kubelets are reached over a private VLAN; OPS-42',
      }),
    );
    const suppressed = report.suppressed.find((f) => f.ruleId === CA_MISSING);
    expect(suppressed?.location.file).toBe(manifestPath('kube-apiserver'));
    expect(suppressed?.suppression).toEqual({
      source: 'annotation',
      reason: 'kubelets are reached over a private VLAN; OPS-42',
    });
    expect(report.findings.map((f) => f.ruleId)).not.toContain(CA_MISSING);
    // The annotation names READ_ONLY too, but that finding points at the kubelet config, not this pod.
    expect(report.findings.map((f) => f.ruleId)).toContain(READ_ONLY);
    expect(report.summary.suppressed).toBe(report.suppressed.length);
  });

  it('has a null reason without ignore-reason, and ignores other annotations', async () => {
    const { report } = await lintApiserver(annotatedApiserver({ 'kube-comms-lint.io/ignore': CA_MISSING }));
    expect(report.suppressed.find((f) => f.ruleId === CA_MISSING)?.suppression).toEqual({
      source: 'annotation',
      reason: null,
    });
    const other = await lintApiserver(annotatedApiserver({ 'example.com/ignore': CA_MISSING }));
    expect(other.report.findings.map((f) => f.ruleId)).toContain(CA_MISSING);
    expect(other.report.suppressed).toEqual([]);
  });

  it('reads the annotation of an item of a List', async () => {
    const pod = annotatedApiserver({ 'kube-comms-lint.io/ignore': CA_MISSING });
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${pod.trimEnd().split('\n').join('\n  ')}\n`;
    const { report } = await lintApiserver(list);
    const suppressed = report.suppressed.find((f) => f.ruleId === CA_MISSING);
    expect(suppressed?.location.pointer).toMatch(/^\/items\/0\//);
    expect(suppressed?.suppression.source).toBe('annotation');
  });

  it('does not count annotated findings for failOn', async () => {
    const lintPod = (content: string) =>
      call('/v1/lint?failOn=low', {
        method: 'POST',
        body: multipart([{ name: manifestPath('kube-apiserver'), content }]),
      });
    const plain = await lintPod(annotatedApiserver({}));
    expect(plain.status).toBe(422);
    const ids = [...new Set((await plain.json<Report>()).findings.map((f) => f.ruleId))];
    expect(ids).toContain(CA_MISSING);
    const annotated = await lintPod(annotatedApiserver({ 'kube-comms-lint.io/ignore': ids.join(',') }));
    const report = await annotated.json<Report>();
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((f) => f.ruleId).sort()).toEqual(ids.sort());
    expect(annotated.status).toBe(200);
  });

  it('never echoes a secret written into the reason', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlLXZhbHVl';
    const res = await call('/v1/lint', {
      method: 'POST',
      body: multipart([
        {
          name: manifestPath('kube-apiserver'),
          content: annotatedApiserver({
            'kube-comms-lint.io/ignore': CA_MISSING,
            'kube-comms-lint.io/ignore-reason': `accepted, see ${token}`,
          }),
        },
      ]),
    });
    const text = await res.text();
    expect(text).toContain('accepted, see [redacted]');
    expect(text).not.toContain(token);
  });
});
