import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/engine/fingerprint';

/** FNV-1a 64 as its definition states it, with BigInt: what fingerprint() computed before issue 16. */
function reference(...parts: string[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(parts.join('\u0000'))) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & ((1n << 64n) - 1n);
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fingerprint: FNV-1a 64 of the UTF-8 of the parts joined by NUL', () => {
  it('gives the published FNV-1a 64 values', () => {
    expect(fingerprint('')).toBe('cbf29ce484222325');
    expect(fingerprint('a')).toBe('af63dc4c8601ec8c');
    expect(fingerprint('foobar')).toBe('85944171f73967e8');
  });

  it('equals the BigInt definition on any text: ASCII, 2-4 byte UTF-8, NUL, lone surrogates, long parts', () => {
    const part = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 4 }), (parts) => {
        expect(fingerprint(...parts)).toBe(reference(...parts));
      }),
      { numRuns: 500 },
    );
    expect(fingerprint('\ud800x', '\udfff')).toBe(reference('\ud800x', '\udfff'));
    // Longer than the reused encoding buffer (1024 bytes), in 3-byte characters.
    const long = '€'.repeat(2000) + 'é'.repeat(700);
    expect(fingerprint(long, 'x')).toBe(reference(long, 'x'));
  });
});
