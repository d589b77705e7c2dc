/**
 * The bounded "did you mean" search answers exactly as the full one it replaced: the same distance
 * within the limit, the same nearest name (ties and separator slips included), and no lookup past the
 * upload's budget.
 */
import { describe, expect, it } from 'vitest';
import { distanceWithin, Suggestions } from '../../../src/model/flag-facts/closest';

/** The whole optimal-string-alignment table: the reference the bounded one must agree with. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The search as it was before it was bounded: every name, the whole table. */
function fullNearest(want: string, names: readonly string[], limit: number): string | undefined {
  const prefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const name of names) {
    const a = want.toLowerCase();
    const b = name.toLowerCase();
    const slip = b === `${a}s` || a === `${b}s` || a.replace(/[-_]/g, '') === b.replace(/[-_]/g, '');
    const d = slip ? Math.min(0.5, fullDistance(a, b)) : fullDistance(a, b);
    const longer = best === undefined ? 1 : prefix(name, want) - prefix(best, want);
    if (d < bestDistance || (d === bestDistance && longer > 0)) {
      best = name;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && longer === 0) tied = true;
  }
  return best !== undefined && !tied && bestDistance <= limit ? best : undefined;
}

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words over a few letters and separators, so near and tied names are common. */
function word(next: () => number, alphabet = 'abAB-_s'): string {
  const length = Math.floor(next() * 12);
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet.charAt(Math.floor(next() * alphabet.length));
  return text;
}

describe('distanceWithin', () => {
  it('is the full distance when within the limit, and above the limit otherwise', () => {
    const next = random(1);
    for (let round = 0; round < 5000; round++) {
      const a = word(next, 'abc');
      const b = word(next, 'abc');
      const limit = Math.floor(next() * 6);
      const full = fullDistance(a, b);
      const bounded = distanceWithin(a, b, limit);
      if (full <= limit) expect(bounded, `${a} ${b} ${limit}`).toBe(full);
      else expect(bounded, `${a} ${b} ${limit}`).toBeGreaterThan(limit);
    }
  });
});

describe('Suggestions', () => {
  it('proposes the name the full search proposes', () => {
    const next = random(2);
    for (let round = 0; round < 1500; round++) {
      const names = [...new Set(Array.from({ length: 1 + Math.floor(next() * 30) }, () => word(next)))];
      const want = word(next);
      const limit = Math.max(2, Math.floor(want.length / 5));
      expect(new Suggestions().name(want, names), `${want} in ${names.join(' ')}`).toBe(
        fullNearest(want, names, limit),
      );
    }
  });

  it('finds a name written with separators between every letter, however long', () => {
    const spaced = 'k-u-b-e-l-e-t-c-e-r-t-i-f-i-c-a-t-e-a-u-t-h-o-r-i-t-y';
    expect(new Suggestions().flag('kube-apiserver', `--${spaced}`, '1.31')).toBe(
      '--kubelet-certificate-authority',
    );
  });

  it('proposes nothing for a name of the body limit, and answers at once', () => {
    expect(new Suggestions().flag('kube-apiserver', `--${'a'.repeat(400_000)}`, '1.31')).toBeUndefined();
    expect(new Suggestions().name('A'.repeat(400_000), ['AnonymousAuth'])).toBeUndefined();
  });

  it('looks up no more names than its budget', () => {
    const suggestions = new Suggestions(2);
    expect(suggestions.name('NodeRestrictio', ['NodeRestriction'])).toBe('NodeRestriction');
    expect(suggestions.flag('kube-apiserver', '--secrue-port', '1.31')).toBe('--secure-port');
    expect(suggestions.name('NodeRestrictio', ['NodeRestriction'])).toBeUndefined();
  });
});
