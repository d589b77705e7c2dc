import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../src/ingest/budget';
import type { ArgWord } from '../../../src/ingest/command-line';
import { parseFlags } from '../../../src/model/flags';

const at = { file: 'f', line: 1, column: 1, pointer: '', document: 0, default: false };
const flags = (...words: string[]) =>
  parseFlags(
    words.map((text, i): ArgWord => ({ text, location: { ...at, column: i + 1 } })),
    at,
    new Budget(),
  );

describe('flag parsing, as pflag does it', () => {
  it('takes a word for a flag exactly when it is dashes, a name and an optional =value', () => {
    // The grammar the reader follows: one or two dashes, a name that starts with a letter or digit and
    // goes on in letters, digits, `_`, `.` and `-`, then nothing or `=` and any value.
    const grammar = /^--?([A-Za-z0-9][\w.-]*)(?:=([\s\S]*))?$/;
    const word = fc
      .array(fc.constantFrom(...'-=a0Z_.-x \n/é,'.split('')), { maxLength: 8 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(word, (text) => {
        const match = grammar.exec(text);
        // Alone, or before a word that cannot be its value: a flag without `=` is then true.
        const read = flags(text, '-').flags[0];
        expect(read && { name: read.name, value: read.value, shorthand: read.shorthand ?? false }).toEqual(
          match
            ? { name: match[1], value: match[2] ?? 'true', shorthand: !text.startsWith('--') }
            : undefined,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('reads --a=b and --a b', () => {
    const set = flags('--secure-port=6443', '--tls-cert-file', '/pki/apiserver.crt');
    expect(set.get('secure-port')?.value).toBe('6443');
    expect(set.get('tls-cert-file')?.value).toBe('/pki/apiserver.crt');
  });

  it('reads a bare boolean as true without eating the next word', () => {
    const set = flags('--anonymous-auth', 'positional', '--profiling');
    expect(set.bool('anonymous-auth')).toBe(true);
    expect(set.bool('profiling')).toBe(true);
  });

  it('reads no flag after a bare --, as pflag stops there', () => {
    const set = flags('--secure-port=6443', '--', '--anonymous-auth=true', '--profiling');
    expect(set.flags.map((flag) => flag.name)).toEqual(['secure-port']);
  });

  it('lets the last occurrence of a single-valued flag win', () => {
    const set = flags('--anonymous-auth=true', '--anonymous-auth=false');
    expect(set.bool('anonymous-auth')).toBe(false);
    expect(set.get('anonymous-auth')?.location.column).toBe(2);
  });

  it('reads comma lists across repeated flags', () => {
    expect(
      flags('--authorization-mode=Node', '--authorization-mode=RBAC,Webhook')
        .list('authorization-mode')
        .map((f) => f.value),
    ).toEqual(['Node', 'RBAC', 'Webhook']);
  });

  it('reads Go booleans like strconv.ParseBool', () => {
    expect(flags('--anonymous-auth=0').bool('anonymous-auth')).toBe(false);
    expect(flags('--anonymous-auth=T').bool('anonymous-auth')).toBe(true);
    expect(flags('--anonymous-auth=yes').bool('anonymous-auth')).toBeUndefined();
  });
});
