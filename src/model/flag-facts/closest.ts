/**
 * "Did you mean …?": the real name nearest to a mistyped one, by optimal-string-alignment distance
 * (Levenshtein with adjacent transpositions), case-insensitively. A missing or extra plural `s` and a
 * dropped separator are the commonest slips and cost half an edit.
 *
 * Only distances within the limit matter, so each comparison is bounded: names whose lengths differ by
 * more than the limit are never compared, and the table is filled only within `limit` of its diagonal,
 * stopping once a whole row is past the limit. An upload of thousands of unknown names, or one name of
 * the body's length, costs a few operations per candidate instead of length × length.
 */
import { canonicalFlag, flagNames } from './flag-status';
import type { FlagComponent } from './tables';

/** A name as it is compared: lower-cased, and without separators for the dropped-separator slip. */
interface Spelling {
  name: string;
  lower: string;
  bare: string;
  counts: Int32Array;
}

const spelling = (name: string): Spelling => {
  const lower = name.toLowerCase();
  return { name, lower, bare: lower.replace(/[-_]/g, ''), counts: letterCounts(lower) };
};

/** The names of one table, spelled once: by length, and by their letters without separators. */
interface Candidates {
  byLength: ReadonlyMap<number, readonly Spelling[]>;
  byBare: ReadonlyMap<string, readonly Spelling[]>;
}

function push<K>(map: Map<K, Spelling[]>, key: K, value: Spelling): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexes = new WeakMap<object, Candidates>();

const isList = (names: ReadonlyMap<string, unknown> | readonly string[]): names is readonly string[] =>
  Array.isArray(names);

function candidatesOf(names: ReadonlyMap<string, unknown> | readonly string[]): Candidates {
  let index = indexes.get(names);
  if (index) return index;
  const byLength = new Map<number, Spelling[]>();
  const byBare = new Map<string, Spelling[]>();
  for (const name of isList(names) ? names : names.keys()) {
    const spelt = spelling(name);
    push(byLength, name.length, spelt);
    push(byBare, spelt.bare, spelt);
  }
  index = { byLength, byBare };
  indexes.set(names, index);
  return index;
}

/**
 * The optimal-string-alignment distance of `a` and `b` when it is at most `limit`; otherwise some
 * number above `limit`. Cells more than `limit` off the diagonal cannot lead to a distance within it.
 */
export function distanceWithin(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  const width = b.length + 1;
  let beforePrevious = new Int32Array(width).fill(over);
  let previous = new Int32Array(width).fill(over);
  let current = new Int32Array(width);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    if (i <= limit) current[0] = i;
    let rowBest = current[0] ?? over;
    for (let j = Math.max(1, i - limit), to = Math.min(b.length, i + limit); j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? over) + 1,
        (current[j - 1] ?? over) + 1,
        (previous[j - 1] ?? over) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (beforePrevious[j - 2] ?? over) + 1);
      current[j] = Math.min(best, over);
      rowBest = Math.min(rowBest, best);
    }
    if (rowBest > limit) return over;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length] ?? over, over);
}

/** Letters counted in 64 buckets: the counts' difference is a lower bound of the edit distance. */
const BUCKETS = 64;

function letterCounts(text: string): Int32Array {
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < text.length; i++) {
    const bucket = text.charCodeAt(i) & (BUCKETS - 1);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
}

/**
 * Each edit changes at most one letter's count on each side, so the larger of "letters `a` has that `b`
 * lacks" and the reverse never exceeds the distance (bag distance): a cheap test before the table.
 */
function countsDiffer(a: Int32Array, b: Int32Array, limit: number): boolean {
  let extra = 0;
  let missing = 0;
  for (let k = 0; k < BUCKETS; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d > 0) extra += d;
    else missing -= d;
  }
  return Math.max(extra, missing) > limit;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function distance(want: Spelling, candidate: Spelling, limit: number): number {
  const a = want.lower;
  const b = candidate.lower;
  if (a === b) return 0;
  const slip = b === `${a}s` || a === `${b}s` || want.bare === candidate.bare;
  if (slip) return 0.5;
  return countsDiffer(want.counts, candidate.counts, limit) ? limit + 1 : distanceWithin(a, b, limit);
}

/**
 * The nearest of `names` within `limit` edits; ties go to the longer common prefix, and a tie that
 * remains (VersionTLS12 or VersionTLS13 for VersionTLS14?) proposes nothing. Only names within `limit`
 * of its length can be that near, besides those that differ from it by separators alone.
 */
function nearest(wanted: Spelling, names: Candidates, limit: number): string | undefined {
  const want = wanted.name;
  const near = (length: number) => Math.abs(length - want.length) <= limit;
  const compared = [...names.byLength].flatMap(([length, list]) => (near(length) ? list : []));
  for (const candidate of names.byBare.get(wanted.bare) ?? [])
    if (!near(candidate.name.length)) compared.push(candidate);
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of compared) {
    const d = distance(wanted, candidate, limit);
    if (d > limit) continue;
    const longer = best === undefined ? 1 : commonPrefix(candidate.name, want) - commonPrefix(best, want);
    if (d < bestDistance || (d === bestDistance && longer > 0)) {
      best = candidate.name;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && longer === 0) tied = true;
  }
  return best !== undefined && !tied ? best : undefined;
}

/** Edits allowed for a name of this length: short names need a closer match. */
const flagLimit = (length: number): number => (length <= 5 ? 1 : length <= 12 ? 2 : length <= 24 ? 3 : 4);

/**
 * How many names of one upload get a "did you mean": a finding past the hundredth of a rule is counted,
 * not shown, and an upload of a hundred thousand unknown names must not cost a lookup each.
 */
export class Suggestions {
  constructor(private left = 200) {}

  /**
   * The flag a mistyped one most likely meant (`--kubelet-certificate-authority` for
   * `--kubelet-certificate-authorty`), preferring flags the version defines; undefined when none is near.
   */
  flag(component: FlagComponent, name: string, version: string | null): string | undefined {
    const want = canonicalFlag(component, name).replace(/_/g, '-');
    if (want === '' || !this.take()) return undefined;
    const { now, ever } = flagNames(component, version);
    const wanted = spelling(want);
    const limit = flagLimit(want.length);
    const hit = nearest(wanted, candidatesOf(now), limit) ?? nearest(wanted, candidatesOf(ever), limit);
    return hit === undefined ? undefined : `--${hit}`;
  }

  /** The known value name nearest to a mistyped one (a cipher suite, a feature gate, an admission plugin). */
  name(want: string, names: ReadonlyMap<string, unknown> | readonly string[]): string | undefined {
    if (!this.take()) return undefined;
    return nearest(spelling(want), candidatesOf(names), Math.max(2, Math.floor(want.length / 5)));
  }

  private take(): boolean {
    if (this.left === 0) return false;
    this.left--;
    return true;
  }
}
