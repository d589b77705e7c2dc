/**
 * Every rule's examples, by rule id: each rule file exports them as `examples` beside its rule, outside
 * the registry, so that only docs/rules.md and the tests load them and the Worker bundle does not.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleExamples } from '../src/rules/support/examples';

const RULES_DIR = new URL('../src/rules/', import.meta.url).pathname;
/** Folders of src/rules that hold shared code, not rules. */
const NOT_RULES = new Set(['support']);

/** A rule file: `src/rules/<folder>/<id>.ts`. */
export interface RuleFile {
  folder: string;
  id: string;
  file: string;
}

export const RULE_FILES: readonly RuleFile[] = readdirSync(RULES_DIR)
  .filter((name) => statSync(join(RULES_DIR, name)).isDirectory() && !NOT_RULES.has(name))
  .flatMap((folder) =>
    readdirSync(join(RULES_DIR, folder))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => ({ folder, id: name.replace(/\.ts$/, ''), file: join(RULES_DIR, folder, name) })),
  );

/** Each rule file's examples, by the file's id (the rule's id: test/node/registry.test.ts checks it). */
export async function loadRuleExamples(): Promise<ReadonlyMap<string, RuleExamples>> {
  const loaded = await Promise.all(
    RULE_FILES.map(async ({ id, file }) => {
      const module = (await import(file)) as { examples?: () => RuleExamples };
      if (typeof module.examples !== 'function') throw new Error(`${file} exports no examples`);
      return [id, module.examples()] as const;
    }),
  );
  return new Map(loaded);
}
