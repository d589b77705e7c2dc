/**
 * A document's aliases charged before it is built. parseChunk (yaml.ts) charges an alias what its
 * anchor holds, but only when it meets the alias: by then it has built everything written before it.
 * 100 merges (`<<: *b`) of one 218,000-key mapping cost 1.1-1.5 s and ~140 MB that way before the
 * second alias was refused. So a document with aliases is charged first, event by event, on a fork of
 * the budget, as parseChunk charges it: a breach is thrown before any value exists, with the limit
 * parseChunk would name. Where parseChunk's charges depend on what it builds (a collection used as a
 * key), or where it stops with an error of the document (an alias of no anchor, too many aliases, a
 * tagged value that does not resolve), this run stops and leaves the verdict to parseChunk.
 */
import { EVENT_ID, getScalarValue, type Event } from 'js-yaml/browser';
import { LIMITS } from '../catalogue/limits';
import type { Budget } from './budget';

/** What an anchor costs each alias of it, and whether it is a collection (or a tagged object). */
interface Cost {
  size: number;
  bytes: number;
  object: boolean;
}

/** One open node, as parseChunk's Container counts it. */
interface Open {
  kind: 'document' | 'sequence' | 'mapping';
  anchor: string | undefined;
  size: number;
  bytes: number;
  /** Mapping only: a key waits for its value. */
  hasKey: boolean;
}

/** A scalar's value as parseChunk resolves it; throws where the document would be an error. */
export type ResolveScalar = (raw: string, style: number, tag: string | undefined) => unknown;

/** Whether a document's events hold an alias (`*name`), the only way it can cost more than its text. */
export function hasAlias(source: string, events: readonly Event[]): boolean {
  return source.includes('*') && events.some((event) => event.type === EVENT_ID.ALIAS);
}

/**
 * Charges `events` of `source` to `trial` (a fork of the request's budget) in parseChunk's order,
 * throwing the LimitError parseChunk would throw. True when every event was charged; false where it
 * stopped to leave the verdict to parseChunk (see above).
 */
export function chargeAhead(
  source: string,
  events: readonly Event[],
  trial: Budget,
  resolve: ResolveScalar,
): boolean {
  const anchors = new Map<string, Cost>();
  const stack: Open[] = [];
  let documents = 0;
  let aliases = 0;
  const open = (kind: Open['kind'], anchor?: string): Open => ({
    kind,
    anchor,
    size: kind === 'document' ? 0 : 1,
    bytes: 0,
    hasKey: false,
  });
  /** parseChunk's place(): the node's cost goes to its parent; a mapping alternates key and value. */
  const place = (parent: Open | undefined, size: number, bytes: number) => {
    if (!parent || parent.kind === 'document') return;
    parent.size += size;
    parent.bytes += bytes;
    if (parent.kind === 'mapping') parent.hasKey = !parent.hasKey;
  };
  for (const event of events) {
    const top = stack[stack.length - 1];
    const isKey = top?.kind === 'mapping' && !top.hasKey;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (documents > 0 || stack.length > 0) trial.spendDocument();
        stack.push(open('document'));
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        trial.spendNodes(1);
        // A collection as a key: parseChunk charges the JSON text it makes of it.
        if (isKey) return false;
        stack.push(
          open(
            event.type === EVENT_ID.SEQUENCE ? 'sequence' : 'mapping',
            event.anchorStart >= 0 ? source.slice(event.anchorStart, event.anchorEnd) : undefined,
          ),
        );
        break;
      case EVENT_ID.SCALAR: {
        trial.spendNodes(1);
        const raw = getScalarValue(source, event);
        trial.spendBytes(raw.length);
        // Only a tagged scalar can fail to resolve, or be an object; an anchored one is an alias's cost.
        let object = false;
        if (event.tagStart >= 0 || event.anchorStart >= 0) {
          let value: unknown;
          try {
            value = resolve(
              raw,
              event.style,
              event.tagStart >= 0 ? source.slice(event.tagStart, event.tagEnd) : undefined,
            );
          } catch {
            return false;
          }
          object = typeof value === 'object' && value !== null;
          if (object && isKey) return false;
        }
        if (event.anchorStart >= 0)
          anchors.set(source.slice(event.anchorStart, event.anchorEnd), {
            size: 1,
            bytes: raw.length,
            object,
          });
        place(top, 1, raw.length);
        break;
      }
      case EVENT_ID.ALIAS: {
        const target = anchors.get(source.slice(event.anchorStart, event.anchorEnd));
        if (!target || ++aliases > LIMITS.maxAliases) return false;
        trial.spendNodes(target.size);
        trial.spendBytes(target.bytes);
        if (target.object && isKey) return false;
        place(top, target.size, target.bytes);
        break;
      }
      case EVENT_ID.POP: {
        const done = stack.pop();
        if (!done) break;
        if (done.kind === 'document') {
          documents++;
          break;
        }
        if (done.anchor) anchors.set(done.anchor, { size: done.size, bytes: done.bytes, object: true });
        place(stack[stack.length - 1], done.size, done.bytes);
        break;
      }
    }
  }
  return true;
}
