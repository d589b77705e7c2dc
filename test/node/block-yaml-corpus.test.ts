/**
 * The block reader (src/ingest/block-yaml.ts) on real files: every corpus file and the example read to
 * the same values, offsets, errors and charges with it as with js-yaml's events alone; and so does the
 * YAML the Worker writes itself (src/routes/yaml-text.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Readers } from '../../src/ingest/yaml';
import { describeApi } from '../../src/routes/description';
import { yamlText } from '../../src/routes/yaml-text';
import { jsonValues } from '../support/json-values';
import { EVENTS_ONLY, blockReads, reading } from '../support/yaml-reading';

const repo = new URL('../../', import.meta.url).pathname;
const withBlock: Readers = { json: false, block: true, cutFrom: Infinity };

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
const files = [...walk(join(repo, 'test/fixtures/corpus')), ...walk(join(repo, 'examples'))];

/** The documents of `text` the block reader reads itself, split at `---` as parseYamlStream splits. */
function readItself(text: string): number {
  const starts = [0, ...[...text.matchAll(/^---(?=[ \t\r\n]|$)/gm)].map((match) => match.index)];
  return starts.filter((start, i) => blockReads(text, start, starts[i + 1] ?? text.length)).length;
}

describe('the block reader on real files', () => {
  it('reads every corpus file and the example as js-yaml’s events do', () => {
    let itself = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(reading(text, withBlock), file).toEqual(reading(text, EVENTS_ONLY));
      itself += readItself(text);
    }
    // Most YAML documents of the corpus are plain block YAML (the others are JSON, or use anchors,
    // folded scalars, multi-line flow lists): the comparison covers the reader, not only its refusals.
    expect(itself).toBeGreaterThan(140);
  });

  it('reads the YAML the Worker writes as js-yaml’s events do (fast-check, seed 1616)', () => {
    const openapi = yamlText(describeApi());
    expect(readItself(openapi)).toBe(1);
    expect(reading(openapi, withBlock)).toEqual(reading(openapi, EVENTS_ONLY));
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        ' ',
        '\n',
        ':',
        '#',
        '-',
        '|',
        '"',
        "'",
        '0',
        'yes',
        'y',
        '~',
        '[',
        ',',
      ),
    });
    const json = jsonValues(text);
    fc.assert(
      fc.property(fc.oneof(fc.array(json), fc.dictionary(text, json)), (value) => {
        const yaml = yamlText(value);
        expect(reading(yaml, withBlock)).toEqual(reading(yaml, EVENTS_ONLY));
      }),
      { seed: 1616, numRuns: 2000 },
    );
  });
});
