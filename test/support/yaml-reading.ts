/**
 * Everything downstream can see of reading a text with parseYamlStream: the errors, each document's
 * value (keys in order, -0 kept), the offset of every pointer (exact, nearest, and a list's items) and
 * what the read charged the budget, as what the budget still takes. Two readers of the same text must
 * give equal readings.
 */
import { readBlockDocument } from '../../src/ingest/block-yaml';
import { Budget, LimitError } from '../../src/ingest/budget';
import { parseYamlStream, type Readers } from '../../src/ingest/yaml';

/** Whether the block reader reads text[start, end) itself, rather than leaving it to js-yaml's events. */
export const blockReads = (text: string, start = 0, end = text.length) =>
  readBlockDocument(text, start, end, new Budget(), (raw) => raw) !== undefined;

/** js-yaml's events only: what the faster readers are compared with. */
export const EVENTS_ONLY: Readers = { json: false, block: false, cutFrom: Infinity };

export function reading(text: string, readers: Readers) {
  const budget = new Budget();
  let stream;
  try {
    stream = parseYamlStream(text, budget, readers);
  } catch (error) {
    if (error instanceof LimitError) return { limit: error.limit };
    throw error;
  }
  return {
    errors: stream.errors,
    documents: stream.documents.map((doc) => ({
      index: doc.index,
      value: JSON.stringify(doc.value, (_, v: unknown) => (Object.is(v, -0) ? '-0' : v)),
      offsets: pointers(doc.value).map((pointer) => [
        doc.offsets.get(pointer),
        doc.offsets.nearest(`${pointer}/x`),
        doc.offsets.items(pointer, 2),
      ]),
    })),
    nodesLeft: left(budget, (probe, n) => {
      probe.spendNodes(n);
    }),
    bytesLeft: left(budget, (probe, n) => {
      probe.spendBytes(n);
    }),
    documentsLeft: documentsLeft(budget),
  };
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every JSON pointer of a value, parents first. */
function pointers(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value))
    return [pointer, ...value.flatMap((item, i) => pointers(item, `${pointer}/${i}`))];
  if (value !== null && typeof value === 'object')
    return [
      pointer,
      ...Object.keys(value).flatMap((key) =>
        pointers((value as Record<string, unknown>)[key], `${pointer}/${escape(key)}`),
      ),
    ];
  return [pointer];
}

/** How many more documents the budget takes. */
function documentsLeft(budget: Budget): number {
  const probe = budget.fork();
  let taken = 0;
  try {
    for (;;) {
      probe.spendDocument();
      taken++;
    }
  } catch (error) {
    if (!(error instanceof LimitError)) throw error;
  }
  return taken;
}

/** What a budget still takes of nodes, characters and documents. */
export function budgetLeft(budget: Budget) {
  return {
    nodes: left(budget, (probe, n) => {
      probe.spendNodes(n);
    }),
    bytes: left(budget, (probe, n) => {
      probe.spendBytes(n);
    }),
    documents: documentsLeft(budget),
  };
}

/** How much more `spend` the budget takes before it breaches a limit (found by halving). */
function left(budget: Budget, spend: (probe: Budget, count: number) => void): number {
  let taken = 0;
  for (let step = 2 ** 26; step >= 1; step /= 2) {
    const probe = budget.fork();
    try {
      spend(probe, taken + step);
      taken += step;
    } catch (error) {
      if (!(error instanceof LimitError)) throw error;
    }
  }
  return taken;
}
