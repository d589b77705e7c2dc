/**
 * A stable fingerprint for a finding: the same problem at the same place gives the same value on every
 * run, whatever else changed in the upload, so SARIF consumers and CI can track it. FNV-1a 64-bit:
 * synchronous (Web Crypto digests are async) and stable across runtimes.
 */
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

export function fingerprint(...parts: string[]): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(parts.join('\u0000'))) {
    hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
