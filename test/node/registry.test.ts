/**
 * The rule registry holds by test, not by convention: every rule file is registered under its own id in
 * the folder of its path, has its ruleTester test, and its two examples do what docs/rules.md says (the
 * bad one fires, the good one is evaluated and quiet). A rule that throws fails here, and the ruleset
 * version follows the rules' content.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_FAILED } from '../../src/engine/run-rules';
import type { RuleExample } from '../../src/engine/rule';
import { RULESET_VERSION, lint } from '../../src/lint';
import { RULES } from '../../src/rules';
import { rulesetDigest } from '../../scripts/ruleset-digest';
import { RULE_FILES as ruleFiles, loadRuleExamples } from '../../scripts/rule-examples';
import { PATH_IDS } from '../../src/schemas/common';

const repo = new URL('../../', import.meta.url).pathname;
/** Folders of rule families that judge several paths (a startup failure of any component, a certificate). */
const SEVERAL_PATHS = new Set(['startup-failures', 'certificates']);
const examples = await loadRuleExamples();

describe('the rule registry', () => {
  it('has unique ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('registers every rule file, under the file name as id, in the folder of its path or of its family', () => {
    const folderOf = (rule: (typeof RULES)[number]) =>
      rule.path ?? ruleFiles.find((file) => file.id === rule.id && SEVERAL_PATHS.has(file.folder))?.folder;
    expect(RULES.map((rule) => `${folderOf(rule)}/${rule.id}`).sort()).toEqual(
      ruleFiles.map((r) => `${r.folder}/${r.id}`).sort(),
    );
  });

  it('keeps rules of one path in its folder and rules of several paths in a family folder', () => {
    for (const rule of RULES) {
      const folder = ruleFiles.find((file) => file.id === rule.id)?.folder ?? '';
      if (rule.paths === undefined) {
        expect(SEVERAL_PATHS.has(folder), `${rule.id} judges one path`).toBe(false);
        expect((PATH_IDS as readonly string[]).includes(folder), `${folder}/ is a path`).toBe(true);
      } else {
        expect(SEVERAL_PATHS.has(folder), `${folder}/${rule.id} judges several paths`).toBe(true);
        expect(rule.paths.length, rule.id).toBeGreaterThan(1);
        expect(new Set(rule.paths).size, rule.id).toBe(rule.paths.length);
      }
    }
  });

  it.each(ruleFiles)('$folder/$id exports the rule with its own id', async ({ id, file }) => {
    const module = (await import(file)) as { default: { id: string } };
    expect(module.default.id).toBe(id);
  });

  it.each(ruleFiles)('$folder/$id has a ruleTester test', ({ folder, id }) => {
    const test = join(repo, 'test/workers/rules', folder, `${id}.test.ts`);
    const text = readFileSync(test, 'utf8');
    expect(text, relative(repo, test)).toMatch(/ruleTester\(rule,/);
    expect(text).toContain(`src/rules/${folder}/${id}'`);
  });

  it('has examples for every rule', () => {
    expect([...examples.keys()].sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  describe.each(RULES.map((rule) => ({ id: rule.id, rule })))('$id: its examples', ({ id, rule }) => {
    const run = (example: RuleExample) =>
      lint(example.files, {
        network: 'untrusted',
        kubernetesVersion: example.kubernetesVersion ?? null,
        failOn: null,
        ...(example.asOf ? { asOf: new Date(example.asOf) } : {}),
      });
    const ruleExamples = examples.get(id) ?? { bad: { files: [] }, good: { files: [] } };

    it('bad: the rule fires, on one of its paths', async () => {
      const report = await run(ruleExamples.bad);
      expect(report.coverage.notEvaluated.filter((n) => n.reason === RULE_FAILED)).toEqual([]);
      expect(report.findings.map((f) => f.ruleId)).toContain(id);
      const paths: readonly string[] = rule.paths ?? [rule.path];
      for (const finding of report.findings.filter((f) => f.ruleId === id))
        expect(paths).toContain(finding.path);
    });

    it('good: the rule is evaluated and quiet', async () => {
      const report = await run(ruleExamples.good);
      expect(report.coverage.notEvaluated.filter((n) => n.ruleId === id)).toEqual([]);
      expect(report.coverage.evaluated).toContain(id);
      expect(report.findings.map((f) => f.ruleId)).not.toContain(id);
    });
  });

  it('has a rulesetVersion that follows the rules (run `npm run generate` after changing one)', () => {
    expect(RULESET_VERSION.endsWith(`.${rulesetDigest()}`)).toBe(true);
  });
});
