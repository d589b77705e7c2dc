/**
 * "Did you mean …?": the real name nearest to a mistyped one, by optimal-string-alignment distance
 * (Levenshtein with adjacent transpositions), case-insensitively. A missing or extra plural `s` and a
 * dropped separator are the commonest slips and cost half an edit.
 */
import { canonicalFlag, flagNames } from './flag-status';
import type { FlagComponent } from './tables';

export function editDistance(a: string, b: string): number {
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function distance(want: string, candidate: string): number {
  const a = want.toLowerCase();
  const b = candidate.toLowerCase();
  const slip = b === `${a}s` || a === `${b}s` || a.replace(/[-_]/g, '') === b.replace(/[-_]/g, '');
  return slip ? Math.min(0.5, editDistance(a, b)) : editDistance(a, b);
}

/**
 * The nearest of `names` within `limit` edits; ties go to the longer common prefix, and a tie that
 * remains (VersionTLS12 or VersionTLS13 for VersionTLS14?) proposes nothing.
 */
function nearest(want: string, names: Iterable<string>, limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const name of names) {
    const d = distance(want, name);
    const longer = best === undefined ? 1 : commonPrefix(name, want) - commonPrefix(best, want);
    if (d < bestDistance || (d === bestDistance && longer > 0)) {
      best = name;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && longer === 0) tied = true;
  }
  return best !== undefined && !tied && bestDistance <= limit ? best : undefined;
}

/** Edits allowed for a name of this length: short names need a closer match. */
const flagLimit = (length: number): number => (length <= 5 ? 1 : length <= 12 ? 2 : length <= 24 ? 3 : 4);

/**
 * The flag a mistyped one most likely meant (`--kubelet-certificate-authority` for
 * `--kubelet-certificate-authorty`), preferring flags the version defines; undefined when none is near.
 */
export function closestFlag(
  component: FlagComponent,
  name: string,
  version: string | null,
): string | undefined {
  const want = canonicalFlag(component, name).replace(/_/g, '-');
  if (want === '') return undefined;
  const { now, ever } = flagNames(component, version);
  const limit = flagLimit(want.length);
  const hit = nearest(want, now, limit) ?? nearest(want, ever, limit);
  return hit === undefined ? undefined : `--${hit}`;
}

/** The known value name nearest to a mistyped one (a cipher suite, a feature gate, an admission plugin). */
export function closestName(want: string, names: Iterable<string>): string | undefined {
  return nearest(want, names, Math.max(2, Math.floor(want.length / 5)));
}
