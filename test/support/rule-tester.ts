/**
 * ruleTester: runs one rule over small uploads, the way ESLint's RuleTester does. It refuses a rule
 * without at least one valid and one invalid case, checks that a valid case was really evaluated
 * (not skipped for missing input), and that every invalid case yields the expected findings.
 */
import { describe, expect, it } from 'vitest';
import { ingestFile, type Upload } from '../../src/ingest';
import { Budget } from '../../src/ingest/budget';
import { buildClusterModel, type ModelOptions } from '../../src/model/cluster-model';
import { RULE_FAILED, runRules } from '../../src/engine/run-rules';
import type { Rule } from '../../src/engine/rule';
import type { Finding } from '../../src/schemas/finding';

/** Reads files as one request does: one budget for all of them. */
const readAll = () => {
  const budget = new Budget();
  return (upload: Parameters<typeof ingestFile>[0]) => ingestFile(upload, budget);
};

export interface ExpectedFinding {
  file?: string;
  line?: number;
  severity?: Finding['severity'];
  category?: Finding['category'];
  messageIncludes?: string | string[];
  locationDefault?: boolean;
  /** The path the finding counts for (a rule of several paths names one per finding). */
  path?: Finding['path'];
}

export interface RuleCase {
  name: string;
  files: Array<{ name: string; content: string }>;
  options?: Partial<ModelOptions>;
}

export interface InvalidCase extends RuleCase {
  /** One entry per expected finding, in report order (severity, file, line). */
  findings: ExpectedFinding[];
}

export interface NotEvaluatedCase extends RuleCase {
  /** Text the not-evaluated reason must include. */
  reasonIncludes: string;
}

export async function lintWithRule(rule: Rule, files: Upload[], options: Partial<ModelOptions> = {}) {
  const ingested = files.map(readAll());
  const model = buildClusterModel(ingested, { network: 'untrusted', kubernetesVersion: null, ...options });
  await model.certificates.verify();
  const results = runRules([rule], model);
  // A rule that throws is reported by the engine as not evaluated; in a test it is a failure.
  expect(results.notEvaluated.map((n) => n.reason)).not.toContain(RULE_FAILED);
  return results;
}

export function ruleTester(
  rule: Rule,
  cases: { valid: RuleCase[]; invalid: InvalidCase[]; notEvaluated?: NotEvaluatedCase[] },
) {
  if (cases.valid.length === 0 || cases.invalid.length === 0) {
    throw new Error(`ruleTester: ${rule.id} needs at least one valid and one invalid case`);
  }
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`accepts: ${c.name}`, async () => {
        const results = await lintWithRule(rule, c.files, c.options);
        expect(results.notEvaluated, 'a valid case must be evaluated, not skipped').toEqual([]);
        expect(results.evaluated).toContain(rule.id);
        expect(results.findings).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, async () => {
        const results = await lintWithRule(rule, c.files, c.options);
        expect(results.findings.map((f) => f.ruleId)).toEqual(c.findings.map(() => rule.id));
        results.findings.forEach((finding, i) => {
          const want = c.findings[i]!;
          if (want.file !== undefined) expect(finding.location.file).toBe(want.file);
          if (want.line !== undefined) expect(finding.location.line).toBe(want.line);
          expect(finding.severity).toBe(want.severity ?? rule.severity);
          expect(finding.category).toBe(want.category ?? rule.category);
          if (want.locationDefault !== undefined) expect(finding.location.default).toBe(want.locationDefault);
          if (want.path !== undefined) expect(finding.path).toBe(want.path);
          for (const text of [want.messageIncludes ?? []].flat()) expect(finding.message).toContain(text);
          expect(finding.remediation).toMatch(/\.$/);
          expect(finding.links[0]).toMatch(
            /^https:\/\/kubernetes\.io\/docs\/concepts\/architecture\/control-plane-node-communication\/#/,
          );
        });
      });
    }
    for (const c of cases.notEvaluated ?? []) {
      it(`does not evaluate: ${c.name}`, async () => {
        const results = await lintWithRule(rule, c.files, c.options);
        expect(results.findings).toEqual([]);
        expect(results.notEvaluated.map((n) => n.reason).join('\n')).toContain(c.reasonIncludes);
      });
    }
  });
}
