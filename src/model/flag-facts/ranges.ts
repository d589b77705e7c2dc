/**
 * The version arithmetic of the flag facts: Kubernetes minors as numbers (`1.31` → 31) and range strings
 * of half-open intervals (`"18-24,26-"`: 1.18 ≤ v < 1.24, and 1.26 on). Konnectivity ranges hold indexes
 * into its list of release tags instead of minors.
 */

/** `1.31`, `v1.31.2`, `1.31.2` → 31; anything else → null. */
export function minorNumber(version: string | null | undefined): number | null {
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec((version ?? '').trim());
  return match ? Number(match[1]) : null;
}

/** 31 → `1.31`. */
export const minorText = (minor: number): string => `1.${minor}`;

/**
 * Range strings come from the tables only (never from an upload), so each is parsed once: the flag
 * checks ask about every flag of every program, and the same rows over and over.
 */
const parsed = new Map<string, ReadonlyArray<readonly [number, number]>>();

function intervals(ranges: string): ReadonlyArray<readonly [number, number]> {
  let found = parsed.get(ranges);
  if (found) return found;
  found =
    ranges === ''
      ? []
      : ranges.split(',').map((part) => {
          const [from = '', to = ''] = part.split('-');
          return [Number(from), to === '' ? Infinity : Number(to)] as const;
        });
  parsed.set(ranges, found);
  return found;
}

/** Does the range string hold `n`? */
export function inRanges(ranges: string, n: number): boolean {
  for (const [from, to] of intervals(ranges)) if (n >= from && n < to) return true;
  return false;
}

/** The first value the ranges hold, or null for empty ranges. */
export function firstOf(ranges: string): number | null {
  return intervals(ranges)[0]?.[0] ?? null;
}

/** Where the last interval ends (the first value after it), or null when it is open. */
export function endOf(ranges: string): number | null {
  const last = intervals(ranges).at(-1)?.[1];
  return last === undefined || last === Infinity ? null : last;
}
