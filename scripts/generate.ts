/**
 * Writes the generated, committed files: src/rules/ruleset-version.ts, src/routes/api-document.json (the
 * OpenAPI document the Worker serves, without its example report), openapi.yaml and docs/rules.md.
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
const { describeApi } = await import('../src/routes/description');
const { openApiYaml, withExampleReport } = await import('../src/routes/api-document');
const { exampleReport } = await import('../src/routes/examples');
const { renderRulesDoc } = await import('./rules-doc');
const described = describeApi();
writeFileSync(
  new URL('../src/routes/api-document.json', import.meta.url),
  `${JSON.stringify(described, null, 2)}\n`,
);
writeFileSync(
  new URL('../openapi.yaml', import.meta.url),
  openApiYaml(withExampleReport(described, await exampleReport())),
);
writeFileSync(new URL('../docs/rules.md', import.meta.url), await renderRulesDoc());
console.log(
  'wrote src/rules/ruleset-version.ts, src/routes/api-document.json, openapi.yaml and docs/rules.md',
);
