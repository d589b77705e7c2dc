/**
 * The answer lists at most LIMITS.maxFindingsPerRule findings of one rule, the first in report order
 * (severity, file, line): only those are completed. Everything else still counts: the summary, the
 * path verdicts, failOn, and `omitted`, which says how many were left out. Suppressed findings alike.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/catalogue/limits';
import { DEFAULT_OPTIONS, lint } from '../../../src/lint';

const RULE = 'apiserver-authorization-always-allow';
const pods = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver-${i}, namespace: kube-system}\nspec:\n  containers:\n  - command: [kube-apiserver, --authorization-mode=AlwaysAllow]\n    image: registry.k8s.io/kube-apiserver:v1.31.2\n    name: kube-apiserver\n`,
  ).join('---\n');
// The later file in the upload sorts first: the report's order, not the upload's, picks what is listed.
const files = [
  { name: '/etc/kubernetes/manifests/b.yaml', content: pods(80) },
  { name: '/etc/kubernetes/manifests/a.yaml', content: pods(80) },
];
const of = (list: ReadonlyArray<{ ruleId: string; location: { file: string; line: number } }>) =>
  list.filter((f) => f.ruleId === RULE).map((f) => `${f.location.file.slice(-6)}:${f.location.line}`);

describe('findings past the per-rule cap', () => {
  it('lists the first in report order, and counts the rest everywhere', async () => {
    expect(LIMITS.maxFindingsPerRule).toBe(100);
    const report = await lint(files, { ...DEFAULT_OPTIONS, failOn: 'high' });
    const listed = of(report.findings);
    expect(listed).toHaveLength(100);
    expect(listed.filter((at) => at.startsWith('a.yaml'))).toHaveLength(80);
    expect(listed.slice(80, 82)).toEqual(['b.yaml:6', 'b.yaml:15']);
    expect(report.omitted.find((item) => item.ruleId === RULE)).toEqual({
      ruleId: RULE,
      findings: 60,
      suppressed: 0,
    });
    expect(report.summary.findings).toBe(
      report.findings.length + report.omitted.reduce((n, item) => n + item.findings, 0),
    );
    expect(report.summary.bySeverity.critical).toBeGreaterThanOrEqual(160);
    expect(report.summary.passed).toBe(false);
    const verdict = report.paths.find((path) => path.id === 'node-to-control-plane');
    expect(verdict?.findings).toBeGreaterThanOrEqual(160);
  });

  it('does the same for suppressed findings, which count only as suppressed', async () => {
    const report = await lint(files, { ...DEFAULT_OPTIONS, skipRules: [RULE] });
    expect(of(report.findings)).toEqual([]);
    expect(of(report.suppressed)).toHaveLength(100);
    expect(of(report.suppressed)[80]).toBe('b.yaml:6');
    expect(report.omitted.find((item) => item.ruleId === RULE)).toEqual({
      ruleId: RULE,
      findings: 0,
      suppressed: 60,
    });
    expect(report.summary.suppressed).toBe(160);
    expect(report.paths.find((path) => path.id === 'node-to-control-plane')?.reason).toContain(
      '160 suppressed',
    );
  });
});
