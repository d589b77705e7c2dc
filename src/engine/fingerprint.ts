/**
 * A stable fingerprint for a finding: the same problem at the same place gives the same value on every
 * run, whatever else changed in the upload, so SARIF consumers and CI can track it. FNV-1a 64-bit over
 * the UTF-8 bytes of the parts joined by NUL: synchronous (Web Crypto digests are async) and stable
 * across runtimes.
 *
 * The 64-bit state is kept in four 16-bit limbs, so every intermediate value is a small integer (no
 * BigInt, no heap numbers): the prime is 2^40 + 0x1b3, so h * prime = h * 0x1b3 + (h << 40).
 */
const encoder = new TextEncoder();
let buffer = new Uint8Array(1024);

export function fingerprint(...parts: string[]): string {
  const text = parts.join('\u0000');
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
  const length = encoder.encodeInto(text, buffer).written;
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < length; i++) {
    h0 ^= buffer[i] ?? 0;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}
