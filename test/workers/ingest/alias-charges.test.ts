import fc from 'fast-check';
import { EVENT_ID, parseEvents } from 'js-yaml/browser';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/catalogue/limits';
import { chargeAhead } from '../../../src/ingest/alias-charges';
import { Budget, LimitError } from '../../../src/ingest/budget';
import { parseYamlStream, resolveScalar, type Readers } from '../../../src/ingest/yaml';
import { bombs } from '../../support/bombs';
import { budgetLeft } from '../../support/yaml-reading';

const resolve = (raw: string, style: number, tag: string | undefined) => resolveScalar(raw, style, tag, 0);
const CHARGED_AHEAD: Readers = { json: false, block: false, cutFrom: Infinity };
const AS_BUILT: Readers = { json: false, block: false, cutFrom: Infinity, chargeAhead: false };

/** A request's budget with only this much left. */
function leaving(nodes: number, bytes: number, documents: number): Budget {
  const budget = new Budget();
  budget.spendNodes(LIMITS.maxExpandedNodes - nodes);
  budget.spendBytes(LIMITS.maxMaterializedBytes - bytes);
  for (let i = 0; i < LIMITS.maxDocuments - documents; i++) budget.spendDocument();
  return budget;
}

/** What a read gives: the limit it breached, or the values and errors of the documents. */
function outcome(text: string, readers: Readers, left: [number, number, number]) {
  try {
    const stream = parseYamlStream(text, leaving(...left), readers);
    return { errors: stream.errors, values: stream.documents.map((doc) => JSON.stringify(doc.value)) };
  } catch (error) {
    if (error instanceof LimitError) return { limit: error.limit, message: error.message };
    throw error;
  }
}

/** Flow YAML with anchors, aliases of them (and of none), merges, tags and collections as keys. */
const yaml = fc.letrec<{ value: string; entry: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'x',
      'a b',
      '"quoted text"',
      "'q'",
      '12',
      '~',
      '""',
      '!!int 5',
      '!!int x',
      '!!binary aGk=',
    ),
    fc.constantFrom('*a', '*b', '*c', '*d', '*e', '*none'),
    fc.tuple(fc.constantFrom('&a', '&b', '&c'), tie('value')).map(([anchor, value]) => `${anchor} ${value}`),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(tie('entry'), { maxLength: 4 }).map((entries) => `{${entries.join(', ')}}`),
  ),
  entry: fc.oneof(
    fc.tuple(fc.constantFrom('k', 'l', 'm', '"k"'), tie('value')).map(([key, value]) => `${key}: ${value}`),
    fc.constantFrom(
      '<<: *a',
      '<<: [*a, *c]',
      '<<: *none',
      '*a : v',
      '*e : v',
      '*b : v',
      '!!binary aGk= : v',
      '[1, 2]: v',
      '? {p: *b}\n: v',
    ),
  ),
}));
/** Anchors defined up front, so that most aliases after them name one. */
const DEFS = 'defs: [&a {k: x, l: [1, !!int 2]}, &b "s", &c [x, &d y], &e !!binary aGk=]\n';
const stream = fc
  .tuple(
    fc.constantFrom('', DEFS),
    fc.array(
      fc.array(fc.tuple(fc.constantFrom('top', 'other', 'more'), yaml.value), { minLength: 1, maxLength: 3 }),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(
    ([defs, docs]) =>
      defs +
      docs.map((entries) => entries.map(([key, value]) => `${key}: ${value}`).join('\n')).join('\n---\n'),
  );
const left = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant(LIMITS.maxExpandedNodes)),
  fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(LIMITS.maxMaterializedBytes)),
  fc.integer({ min: 0, max: 3 }),
);

describe('aliases charged before a document is built (alias-charges.ts)', () => {
  it('refuses what building refuses, with the same limit, and nothing else', () => {
    fc.assert(
      fc.property(stream, left, (text, rest) => {
        expect(outcome(text, CHARGED_AHEAD, rest)).toEqual(outcome(text, AS_BUILT, rest));
      }),
      { numRuns: 1500, seed: 1202 },
    );
  });

  it('charges a document it charges whole exactly as building it does', () => {
    let withAliases = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('top', 'other', 'more'), yaml.value), {
          minLength: 1,
          maxLength: 4,
        }),
        (entries) => {
          const text = DEFS + entries.map(([key, value]) => `${key}: ${value}`).join('\n');
          let events;
          try {
            events = parseEvents(text, { maxDepth: LIMITS.maxDepth });
          } catch {
            return; // a syntax error: nothing is built
          }
          const ahead = new Budget();
          if (!chargeAhead(text, events, ahead, resolve)) return;
          const built = new Budget();
          const read = parseYamlStream(text, built, AS_BUILT);
          if (read.errors.length > 0) return;
          if (events.some((event) => event.type === EVENT_ID.ALIAS)) withAliases++;
          // parseYamlStream charges the document it splits off; the events' own charges are the rest.
          ahead.spendDocument();
          expect(budgetLeft(ahead)).toEqual(budgetLeft(built));
        },
      ),
      { numRuns: 800, seed: 1203 },
    );
    expect(withAliases).toBeGreaterThan(50);
  });

  it('refuses 100 merges of one large mapping from its events alone', () => {
    const merges = bombs().find((bomb) => bomb.name.includes('merges'));
    const text = typeof merges?.body === 'string' ? merges.body : '';
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(() => {
      chargeAhead(text, parseEvents(text, { maxDepth: LIMITS.maxDepth }), new Budget(), resolve);
    }).toThrow(expect.objectContaining({ limit: 'maxExpandedNodes' }));
  });
});
