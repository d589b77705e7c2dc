/** Writes the generated, committed files: openapi.yaml and docs/rules.md. Tests fail when they drift. */
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/app';
import { openApiYaml } from '../src/routes/openapi';
import { renderRulesDoc } from './rules-doc';

writeFileSync(new URL('../openapi.yaml', import.meta.url), openApiYaml(createApp()));
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote openapi.yaml and docs/rules.md');
