/**
 * Writes the generated, committed files: src/rules/ruleset-version.ts, src/routes/example-report.json,
 * openapi.yaml and docs/rules.md.
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
const { lint } = await import('../src/lint');
const { EXAMPLE_FILE, EXAMPLE_OPTIONS, EXAMPLE_UPLOAD } = await import('../src/routes/example-upload');
const report = await lint([{ name: EXAMPLE_FILE, content: EXAMPLE_UPLOAD }], EXAMPLE_OPTIONS);
writeFileSync(
  new URL('../src/routes/example-report.json', import.meta.url),
  `${JSON.stringify(report, null, 2)}\n`,
);
const { createApp } = await import('../src/app');
const { openApiYaml } = await import('../src/routes/openapi');
const { renderRulesDoc } = await import('./rules-doc');
writeFileSync(new URL('../openapi.yaml', import.meta.url), openApiYaml(createApp()));
writeFileSync(new URL('../docs/rules.md', import.meta.url), await renderRulesDoc());
console.log(
  'wrote src/rules/ruleset-version.ts, src/routes/example-report.json, openapi.yaml and docs/rules.md',
);
