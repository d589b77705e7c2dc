import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../src/ingest/budget';
import { parseYamlStream } from '../../../src/ingest/yaml';
import { topLevelSegments } from '../../../src/ingest/yaml-segments';
import { EVENTS_ONLY, reading } from '../../support/yaml-reading';

const cutAll = { json: true, block: false, cutFrom: 0 };
/** Cut, and each piece read as plain block YAML when it is one (block-yaml.ts). */
const cutAllBlock = { json: true, block: true, cutFrom: 0 };

/** The layout kubectl writes a List in, with the YAML that is hardest to cut around inside its items. */
const scalar = fc.constantFrom(
  'a',
  'b c',
  '"q\\"x"',
  "'s''q'",
  '0777',
  'yes',
  '~',
  '',
  '"multi\n    line"',
  '[1, 2]',
  '{a: 1}',
  '&anchor v',
  '*anchor',
  '!!str 5',
  '|\n    block\n    text\n',
  '|+\n    kept\n\n',
  '>-\n    folded\n    text\n',
  '"x\n- y"',
  '[1,\n2]',
  'a #comment',
  '- x',
  '-',
);
const item = fc
  .array(fc.tuple(fc.constantFrom('kind', 'metadata', 'spec', 'kind'), scalar), {
    minLength: 1,
    maxLength: 3,
  })
  .map((entries) => `- ${entries.map(([key, value]) => `${key}: ${value}`).join('\n  ')}`);
const topLine = fc.constantFrom(
  'apiVersion: v1',
  'kind: List',
  'metadata:\n  resourceVersion: ""',
  'items: ~',
  'y: 1',
  '<<: {a: 1}',
  '"quoted": 1',
  '# comment',
  '...',
  '\t- tab',
  '-x: 1',
  'metadata: &m {a: 1}',
  'other: *m',
);
const run = fc
  .tuple(
    fc.constantFrom('items:', 'items: # comment', 'items: &s', 'more:'),
    fc.array(item, { maxLength: 5 }),
  )
  .map(([key, items]) => [key, ...items].join('\n'));
const list = fc
  .tuple(
    fc.constantFrom('', '---\n', '--- # c\n', '--- !!map\n', '# lead\n'),
    fc.array(fc.oneof(topLine, run, run), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('\n', '', '\n\n'),
    fc.boolean(),
  )
  .map(([head, lines, tail, crlf]) => {
    const text = head + lines.join('\n') + tail;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('a large document read entry by entry (yaml-segments.ts)', () => {
  it('cuts the layout kubectl writes a List in, and nothing else', () => {
    const text = 'apiVersion: v1\nitems:\n- kind: A\n  x: 1\n# note\n- kind: B\nkind: List\n';
    expect(topLevelSegments(text, 0, text.length)?.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['entry', 'apiVersion: v1\n'],
      ['entry', 'items:\n'],
      ['item', '- kind: A\n  x: 1\n# note\n'],
      ['item', '- kind: B\n'],
      ['entry', 'kind: List\n'],
    ]);
    for (const other of [
      'items: ~\n- a\n- b\n',
      '"items":\n- a\n- b\n',
      '- a\n- b\n',
      'items:\n- a\n...\n- b\n',
      '--- &root\nitems:\n- a\n- b\n',
      'items:\n- a\n\t- b\n',
      'items:\n- a\n',
    ])
      expect(topLevelSegments(other, 0, other.length)).toBeUndefined();
  });

  it('reads every document as reading it whole does: values, offsets, errors, budget', () => {
    fc.assert(
      fc.property(list, (text) => {
        const whole = reading(text, EVENTS_ONLY);
        expect(reading(text, cutAll)).toEqual(whole);
        expect(reading(text, cutAllBlock)).toEqual(whole);
      }),
      { numRuns: 1500 },
    );
  });

  it('reads a large List piece by piece by default, with the same result', () => {
    const items = Array.from(
      { length: 3000 },
      (_, i) => `- kind: ConfigMap\n  metadata:\n    name: map-${i}\n  data:\n    key: |\n      line ${i}\n`,
    );
    const text = `apiVersion: v1\nitems:\n${items.join('')}kind: List\n`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    const whole = reading(text, EVENTS_ONLY);
    expect(reading(text, { json: true, block: false, cutFrom: 64 * 1024 })).toEqual(whole);
    expect(reading(text, { json: true, block: true, cutFrom: 64 * 1024 })).toEqual(whole);
    // With an anchor on its last line, only that piece is left to js-yaml's events.
    const anchored = `${text}x: &a 1\n`;
    expect(reading(anchored, { json: true, block: true, cutFrom: 64 * 1024 })).toEqual(
      reading(anchored, EVENTS_ONLY),
    );
  });

  it('reads a List whose items alias each other whole, as YAML requires', () => {
    const text = 'items:\n- &a {x: 1}\n- *a\n- *a\n';
    const cut = parseYamlStream(text, new Budget(), cutAll);
    expect(cut.errors).toEqual([]);
    expect(cut.documents[0]?.value).toEqual({ items: [{ x: 1 }, { x: 1 }, { x: 1 }] });
    expect(reading(text, cutAll)).toEqual(reading(text, EVENTS_ONLY));
    expect(reading(text, cutAllBlock)).toEqual(reading(text, EVENTS_ONLY));
  });
});
