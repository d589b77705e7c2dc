import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOccurrences } from '../../../src/http/byte-search';

/** The obvious count: try every position, and step over each match. */
function naiveCount(bytes: Uint8Array, pattern: Uint8Array, stopAfter: number): number {
  let count = 0;
  for (let at = 0; at + pattern.length <= bytes.length;) {
    let match = pattern.length > 0;
    for (let i = 0; i < pattern.length && match; i++) match = bytes[at + i] === pattern[i];
    if (match) {
      if (++count > stopAfter) return count;
      at += pattern.length;
    } else at++;
  }
  return count;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('countOccurrences', () => {
  it('counts a multipart delimiter in a body full of dashes', () => {
    const delimiter = '--------------------------4ce1d6b0a8d2f1a7';
    const part = `${delimiter}\r\nContent-Disposition: form-data; name="file"; filename="a.yaml"\r\n\r\n- --flag=--x\r\n`;
    const body = bytesOf(`${part.repeat(3)}${delimiter}--\r\n`);
    expect(countOccurrences(body, bytesOf(delimiter), 100)).toBe(4);
    expect(countOccurrences(body, bytesOf(delimiter), 2)).toBe(3);
  });

  it('counts what trying every position counts, hostile patterns included', () => {
    // A small alphabet makes matches and near-matches common; `ccc…cdc` against `c…` makes Horspool
    // compare nearly the whole pattern at every byte, which hands the count to the linear scan.
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('c', 'd', '-', 'x'), maxLength: 400 }),
      fc.string({
        unit: fc.oneof({ arbitrary: fc.constant('c'), weight: 20 }, fc.constantFrom('d', '-')),
        maxLength: 400,
      }),
    );
    const hostile = fc.integer({ min: 1, max: 40 }).map((n) => `${'c'.repeat(n)}d${'c'.repeat(n % 3)}`);
    fc.assert(
      fc.property(
        text,
        fc.oneof(fc.string({ unit: fc.constantFrom('c', 'd', '-'), minLength: 1, maxLength: 8 }), hostile),
        fc.integer({ min: 0, max: 50 }),
        (body, pattern, stopAfter) => {
          const bytes = bytesOf(body);
          const wanted = bytesOf(pattern);
          expect(countOccurrences(bytes, wanted, stopAfter)).toBe(naiveCount(bytes, wanted, stopAfter));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds a match after the hand-over to the linear scan', () => {
    const pattern = `${'c'.repeat(30)}dc`;
    const body = bytesOf(`${'c'.repeat(5000)}${pattern}${'c'.repeat(100)}${pattern}`);
    expect(countOccurrences(body, bytesOf(pattern), 10)).toBe(2);
  });
});
