import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { openApiYaml } from '../../src/routes/openapi';
import { renderRulesDoc } from '../../scripts/rules-doc';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url).pathname, 'utf8');

describe('generated files are committed up to date (run `npm run generate`)', () => {
  it('openapi.yaml matches the route definitions', () => {
    expect(read('openapi.yaml')).toBe(openApiYaml(createApp()));
  });
  it('docs/rules.md matches the rule registry', () => {
    expect(read('docs/rules.md')).toBe(renderRulesDoc());
  });
  it('package.json and the reported tool version agree', async () => {
    const { TOOL_VERSION } = await import('../../src/catalogue/tool');
    expect((JSON.parse(read('package.json')) as { version: string }).version).toBe(TOOL_VERSION);
  });
});
