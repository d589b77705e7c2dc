/**
 * Writes the generated, committed files: openapi.yaml, docs/rules.md and src/rules/ruleset-version.ts.
 * Tests fail when they drift.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { RULESET_VERSION_FILE, rulesetDigest, rulesetVersionFile } from './ruleset-digest';

// The ruleset version first: the API description and the rules doc quote it.
const digest = rulesetDigest();
const current = existsSync(RULESET_VERSION_FILE) ? readFileSync(RULESET_VERSION_FILE, 'utf8') : '';
if (!current.includes(`.${digest}';`)) {
  writeFileSync(RULESET_VERSION_FILE, rulesetVersionFile(digest, new Date().toISOString().slice(0, 10)));
}
const { createApp } = await import('../src/app');
const { openApiYaml } = await import('../src/routes/openapi');
const { renderRulesDoc } = await import('./rules-doc');
writeFileSync(new URL('../openapi.yaml', import.meta.url), openApiYaml(createApp()));
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote src/rules/ruleset-version.ts, openapi.yaml and docs/rules.md');
