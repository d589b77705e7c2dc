import { describe, expect, it } from 'vitest';
import { plainScalar, taggedScalar } from '../../../src/ingest/go-yaml-scalars';

/**
 * What sigs.k8s.io/yaml's YAMLToJSON (go-yaml v2, sigs.k8s.io/yaml at 742f5e6, Go 1.19) made of `v: <text>`,
 * recorded with scripts/go-yaml-probe.go. Kubernetes reads `1:20` as text and `1e3` as a number, where
 * js-yaml's YAML 1.1 schema read 80 and text.
 */
const PLAIN: ReadonlyArray<readonly [string, unknown]> = [
  ['8080', 8080],
  ['0', 0],
  ['-0', 0],
  ['+12', 12],
  ['1_000', 1000],
  ['0777', 511],
  ['0_777', 511],
  ['08', 8],
  ['09.5', 9.5],
  ['0x1F', 31],
  ['0X1f', 31],
  ['+0x1F', 31],
  ['-0x1F', -31],
  ['0x_1F', 31],
  ['0o17', 15],
  ['0O17', 15],
  ['0b101', 5],
  ['0B101', 5],
  ['-0b101', -5],
  ['9223372036854775807', Number(2n ** 63n - 1n)],
  ['18446744073709551615', Number(2n ** 64n - 1n)],
  ['99999999999999999999', 1e20],
  ['-0xFFFFFFFFFFFFFFFFF', '-0xFFFFFFFFFFFFFFFFF'],
  ['0xFFFFFFFFFFFFFFFFF', Number(0xfffffffffffffffffn)],
  ['0777777777777777777777777', 7.777777777777778e23],
  ['1.5', 1.5],
  ['-.5', -0.5],
  ['+.5', 0.5],
  ['.5', 0.5],
  ['5.', 5],
  ['1_0.5', 10.5],
  ['1e3', 1000],
  ['1E3', 1000],
  ['1.0e3', 1000],
  ['1.5e+03', 1500],
  ['.5e3', 500],
  ['1e400', '1e400'],
  ['.5e400', '.5e400'],
  ['._1', '._1'],
  ['.', '.'],
  ['+', '+'],
  ['0x', '0x'],
  ['0o', '0o'],
  ['1_', 1],
  ['_1', '_1'],
  ['1:20', '1:20'],
  ['-1:20', '-1:20'],
  ['190:20:30.15', '190:20:30.15'],
  ['1.2.3', '1.2.3'],
  ['1.28.3', '1.28.3'],
  ['1,000', '1,000'],
  ['2001-12-14', '2001-12-14'],
  ['12:30:45', '12:30:45'],
  ['0x1p3', '0x1p3'],
  ['+Inf', '+Inf'],
  ['NaN', 'NaN'],
  ['y', true],
  ['Y', true],
  ['n', false],
  ['N', false],
  ['yes', true],
  ['Yes', true],
  ['YES', true],
  ['yES', 'yES'],
  ['no', false],
  ['on', true],
  ['ON', true],
  ['off', false],
  ['Off', false],
  ['true', true],
  ['TRUE', true],
  ['tRUE', 'tRUE'],
  ['false', false],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['nULL', 'nULL'],
  ['~', null],
  ['<<', '<<'],
  ['abc', 'abc'],
];

/** The same for `v: <tag> "<text>"`; undefined where go-yaml refuses the document. */
const TAGGED: ReadonlyArray<readonly [string, string, unknown]> = [
  ['!!int', '12', 12],
  ['!!int', '1:20', undefined],
  ['!!int', '1.5', undefined],
  ['!!int', '08', undefined],
  ['!!int', '0o17', 15],
  ['!!int', '', undefined],
  ['!!float', '12', 12],
  ['!!float', '1e3', 1000],
  ['!!float', '08', 8],
  ['!!bool', 'Off', false],
  ['!!bool', '1', undefined],
  ['!!null', '~', null],
  ['!!null', 'x', undefined],
  ['!!str', '12', '12'],
  ['!Ref', '12', '12'],
  ['!!timestamp', '2001-12-14', '2001-12-14'],
  ['!!merge', 'x', 'x'],
  ['!!binary', 'aGVsbG8=', 'hello'],
  ['!!binary', 'aGVs\nbG8=', 'hello'],
  ['!!binary', 'aGVsbG8', undefined],
  ['!<tag:yaml.org,2002:int>', '12', 12],
];

describe('scalars as go-yaml v2 reads them', () => {
  it.each(PLAIN)('reads %j as %j', (text, expected) => {
    expect(plainScalar(text)).toBe(expected);
  });

  it.each(TAGGED)('reads %s %j as %j', (tag, text, expected) => {
    expect(taggedScalar(text, tag)?.value).toBe(expected);
    expect(taggedScalar(text, tag) === undefined).toBe(expected === undefined);
  });

  it('keeps a command word that starts with a sign as text, and reads a sign before a number', () => {
    for (const word of ['--secure-port=6443', '-v=2', '--', '+x', '-e1', '+-1'])
      expect(plainScalar(word)).toBe(word);
    expect(plainScalar('-_1')).toBe(-1); // `_` goes before strconv reads it
    expect(plainScalar('+_.5')).toBe(0.5);
  });

  it('keeps infinities and NaN, which JSON then cannot hold', () => {
    expect(plainScalar('.inf')).toBe(Number.POSITIVE_INFINITY);
    expect(plainScalar('-.Inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(plainScalar('.NaN')).toBeNaN();
  });
});
