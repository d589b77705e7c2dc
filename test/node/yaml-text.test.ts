/** The YAML the Worker writes (src/routes/yaml-text.ts) reads back as the data it was made from. */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { describeApi } from '../../src/routes/description';
import { exampleReport } from '../../src/routes/examples';
import { withExampleReport } from '../../src/routes/api-document';
import { yamlText } from '../../src/routes/yaml-text';
import { jsonValues } from '../support/json-values';

describe('yamlText', () => {
  it('writes the OpenAPI document, example report included, as YAML that reads back equal', async () => {
    const document = withExampleReport(describeApi(), await exampleReport());
    expect(load(yamlText(document))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('reads back equal for any JSON value (fast-check, seed 1212)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom('a', 'Z', ' ', '\n', ':', '#', '-', '|', '"', "'", '0', 'yes', 'y', '\t', '~'),
      }),
    );
    const json = jsonValues(text);
    fc.assert(
      fc.property(json, (value) => {
        expect(load(yamlText(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 1212, numRuns: 2000 },
    );
  });

  it('writes words YAML 1.1 reads as booleans, and numbers, quoted', () => {
    expect(yamlText({ a: 'yes', b: 'off', c: '1.31', d: 'plain text' })).toBe(
      'a: "yes"\nb: "off"\nc: "1.31"\nd: plain text\n',
    );
  });
});
