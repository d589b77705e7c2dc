import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiDocument, apiDocumentYaml, openApiYaml, withExampleReport } from '../../src/routes/api-document';
import { describeApi } from '../../src/routes/description';
import { exampleReport } from '../../src/routes/examples';
import { lint } from '../../src/lint';
import { EXAMPLE_FILE, EXAMPLE_OPTIONS, EXAMPLE_UPLOAD } from '../../src/routes/example-upload';
import { renderRulesDoc } from '../../scripts/rules-doc';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url).pathname, 'utf8');

describe('generated files are committed up to date (run `npm run generate`)', () => {
  it('src/routes/api-document.json is what the route definitions and schemas describe', () => {
    expect(JSON.parse(read('src/routes/api-document.json'))).toEqual(describeApi());
  });
  it('openapi.yaml is that document with the example report', async () => {
    const report = await lint([{ name: EXAMPLE_FILE, content: EXAMPLE_UPLOAD }], EXAMPLE_OPTIONS);
    expect(read('openapi.yaml')).toBe(openApiYaml(withExampleReport(describeApi(), report)));
  });
  it('the document the Worker serves is the one generated from the schemas, example report included', async () => {
    const generated = withExampleReport(describeApi(), await exampleReport());
    expect(await apiDocument()).toEqual(generated);
    expect(await apiDocumentYaml()).toBe(read('openapi.yaml'));
    // The example report is what lint() answers for the example upload, in every format shown.
    const answers = (generated.paths?.['/v1/lint']?.post?.responses ?? {}) as Record<
      string,
      { content: Record<string, { example?: unknown }> }
    >;
    expect(answers['200']?.content['application/json']?.example).toEqual(
      await lint([{ name: EXAMPLE_FILE, content: EXAMPLE_UPLOAD }], EXAMPLE_OPTIONS),
    );
  });
  it('docs/rules.md matches the rule registry', async () => {
    expect(read('docs/rules.md')).toBe(await renderRulesDoc());
  });
  it('package.json and the reported tool version agree', async () => {
    const { TOOL_VERSION } = await import('../../src/catalogue/tool');
    expect((JSON.parse(read('package.json')) as { version: string }).version).toBe(TOOL_VERSION);
  });
});
