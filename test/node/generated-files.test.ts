import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { lint } from '../../src/lint';
import { EXAMPLE_FILE, EXAMPLE_OPTIONS, EXAMPLE_UPLOAD } from '../../src/routes/example-upload';
import { openApiYaml } from '../../src/routes/openapi';
import { renderRulesDoc } from '../../scripts/rules-doc';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url).pathname, 'utf8');

describe('generated files are committed up to date (run `npm run generate`)', () => {
  it('openapi.yaml matches the route definitions', () => {
    expect(read('openapi.yaml')).toBe(openApiYaml(createApp()));
  });
  it("the API description's example report is what lint() answers for the example upload", async () => {
    const report = await lint([{ name: EXAMPLE_FILE, content: EXAMPLE_UPLOAD }], EXAMPLE_OPTIONS);
    expect(read('src/routes/example-report.json')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
  it('docs/rules.md matches the rule registry', async () => {
    expect(read('docs/rules.md')).toBe(await renderRulesDoc());
  });
  it('package.json and the reported tool version agree', async () => {
    const { TOOL_VERSION } = await import('../../src/catalogue/tool');
    expect((JSON.parse(read('package.json')) as { version: string }).version).toBe(TOOL_VERSION);
  });
});
