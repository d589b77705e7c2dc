import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../src/ingest/budget';
import { readJsonDocument } from '../../../src/ingest/json-document';
import type { Readers } from '../../../src/ingest/yaml';
import { EVENTS_ONLY, reading } from '../../support/yaml-reading';

const withJson: Readers = { json: true, block: false, cutFrom: Infinity };

const key = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', '<<', 'a/b~c', 'kubeletconfig', '', 'y', '1'),
);
const number = fc.oneof(
  fc.double().filter(Number.isFinite),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 123456789012345680000, 0.1, -5),
);
const scalar = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), number, fc.boolean(), fc.constant(null));
const jsonOf = (leaf: fc.Arbitrary<unknown>) =>
  fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }),
  }));
const json = jsonOf(scalar);
/** Long strings make containers of over 1024 characters, whose ends the reader notes. */
const longJson = jsonOf(fc.oneof(scalar, fc.string({ minLength: 300, maxLength: 700 })));
/** JSON text with its keys as written (duplicates kept), laid out compactly or indented. */
function write(value: unknown, indent: string, at = ''): string {
  const inner = indent ? `\n${at}${indent}` : '';
  const close = indent ? `\n${at}` : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(value) && value.every((entry) => Array.isArray(entry) && entry.length === 2)) {
    const entries = (value as Array<[string, unknown]>).map(
      ([k, v]) => `${inner}${JSON.stringify(k)}${sep}${write(v, indent, at + indent)}`,
    );
    return entries.length ? `{${entries.join(',')}${close}}` : '{}';
  }
  return JSON.stringify(value);
}
const documentOf = (tree: typeof json) =>
  fc
    .tuple(
      fc.oneof(tree.object, tree.array),
      fc.constantFrom('', '  ', '    ', '\t'),
      fc.constantFrom('', '---\n', '\n', '  ', '--- # c\n', '\ufeff'),
      fc.constantFrom('', '\n', '\n\n', ' # c\n', '\n...\n', ',', '\n---\n{"a": 1}\n'),
    )
    .map(([value, indent, head, tail]) => head + write(value, indent) + tail);
const document = documentOf(json);

describe('plain JSON read without events (json-document.ts)', () => {
  it('reads what the YAML reader reads: values, key order, offsets, errors, budget', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(reading(text, withJson)).toEqual(reading(text, EVENTS_ONLY));
      }),
      { numRuns: 2000 },
    );
  });

  it('locates what follows a long mapping or sequence as the YAML reader does', () => {
    fc.assert(
      fc.property(documentOf(longJson), (text) => {
        expect(reading(text, withJson)).toEqual(reading(text, EVENTS_ONLY));
      }),
      { numRuns: 300 },
    );
    const long = JSON.stringify({ pad: 'x'.repeat(2000), list: ['y'.repeat(1500)] });
    // The first `a` is long and overwritten: the record steps over it to find `b`.
    const text = `{"a": ${long}, "a": {"x": 1}, "b": [${long}, 2], "c": 3}`;
    expect(reading(text, withJson)).toEqual(reading(text, EVENTS_ONLY));
  });

  it('reads duplicated keys, __proto__ keys and escapes as YAML does', () => {
    for (const text of [
      '{"a": 1, "b": 2, "a": 3}',
      '{"__proto__": {"polluted": true}, "x": [1, 2.5, -0, 1e3, 1E+3, true, null]}',
      '{"s": "\\u00e9\\n\\t\\/\\"\\\\", "u": "\\ud83d\\ude00", "lone": "\\ud800"}',
      '[{"kubeletconfig": {"port": 10250, "featureGates": {}}}]',
      '{"a": 0777, "b": 1}',
    ]) {
      expect(reading(text, withJson)).toEqual(reading(text, EVENTS_ONLY));
    }
  });

  it('leaves to the YAML reader what is not plain JSON, or what YAML reads otherwise', () => {
    for (const text of [
      '{"a": 1,}',
      '{"a": 1}\n# comment',
      '  {"a": 1}',
      '{\n\t"a": 1\n}',
      '{"a": "\u2028"}',
      '{"a": "\ud83d\ude00"}',
      `{"${'k'.repeat(2000)}": 1}`,
      `${'['.repeat(99)}${']'.repeat(99)}`,
      '"just a string"',
      '{"a": tru}',
    ]) {
      expect(readJsonDocument(text, 0, text.length, new Budget(), () => null)).toBeUndefined();
    }
  });
});
