/**
 * A JSON document (a kubelet /configz dump, `kubectl get -o json`) read without js-yaml's events, with
 * the same result as reading it as YAML: JSON is YAML's flow style, and js-yaml's parseEvents keeps an
 * event per node until it returns, which made one 5 MiB /configz dump cost 10x what 1 MiB did (issue 16).
 *
 * The result is the one src/ingest/yaml.ts builds from events, value for value and offset for offset:
 * strings are JSON's (whose escapes YAML's double quotes read alike), every number, `true`, `false` and
 * `null` is resolved by the YAML schema as the plain scalar it is in YAML, a key is located after its
 * opening quote, any other value where it starts. Only plain JSON is read here; undefined sends the text
 * to the YAML reader, which decides: anything JSON does not allow, a tab (YAML refuses tab indentation),
 * a character YAML does not print or reads otherwise (controls, surrogates, U+2028/2029), a root not at
 * column 0 (YAML's indentation rules), a key over 1024 characters, a `<<` key (a merge to the YAML reader,
 * even quoted), or nesting near LIMITS.maxDepth.
 */
import { LIMITS } from '../catalogue/limits';
import type { Budget } from './budget';
import type { OffsetRecord, Records } from './offset-index';
import { defineKey } from './own-key';

export interface JsonDocument {
  value: unknown;
  rootOffset: number;
  byContainer: Records;
}

/** Characters YAML does not print or does not read as JSON does (js-yaml PATTERN_NON_PRINTABLE, and more). */
const UNLIKE_YAML =
  // eslint-disable-next-line no-control-regex -- control characters are what the check looks for
  /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\u2028\u2029\uFFFE\uFFFF]/;
const BARE_MARKER = /^---[ \t]*(?:#[^\n]*)?\r?\n/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const MAX_KEY = 1024;
/** From this many characters, the Reader notes where a mapping or sequence ends (LazyRecords). */
const NOTE_END_FROM = 1024;

class NotPlainJson extends Error {}

/**
 * The document text[start, end) when it is plain JSON with a mapping or sequence at its root, charged to
 * `budget` as the YAML reader charges it; undefined otherwise (nothing is charged then).
 */
export function readJsonDocument(
  text: string,
  start: number,
  end: number,
  budget: Budget,
  plainScalar: (raw: string) => unknown,
): JsonDocument | undefined {
  let at = start;
  const marker = BARE_MARKER.exec(text.slice(start, Math.min(end, start + 256)));
  if (text.startsWith('---', start)) {
    if (!marker) return undefined;
    at += marker[0].length;
  }
  at = skipSpace(text, at, end);
  const first = text.charCodeAt(at);
  if ((first !== 123 && first !== 91) || (at > 0 && text.charCodeAt(at - 1) !== 10)) return undefined;
  if (UNLIKE_YAML.test(text.slice(start, end))) return undefined;
  const reader = new Reader(text, end, budget.fork(), plainScalar);
  try {
    reader.at = at;
    const value = reader.value(0);
    if (skipSpace(text, reader.at, end) !== end) return undefined;
    budget.absorb(reader.budget, 0);
    return { value, rootOffset: at, byContainer: new LazyRecords(text, value as object, at, reader.ends) };
  } catch {
    // Not plain JSON, or a limit: the YAML reader decides.
    return undefined;
  }
}

function skipSpace(text: string, from: number, end: number): number {
  let at = from;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 10 && code !== 13) break;
  }
  return at;
}

class Reader {
  at = 0;
  /** Where a long mapping or sequence starts → just after it ends (shorter ones are cheaper to scan). */
  readonly ends = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly end: number,
    readonly budget: Budget,
    private readonly plainScalar: (raw: string) => unknown,
  ) {}

  value(depth: number): unknown {
    this.at = skipSpace(this.text, this.at, this.end);
    const code = this.text.charCodeAt(this.at);
    if (code === 123) return this.mapping(depth + 1);
    if (code === 91) return this.sequence(depth + 1);
    this.budget.spendNodes(1);
    const raw = code === 34 ? this.string() : this.plain();
    this.budget.spendBytes(raw.length);
    return code === 34 ? raw : this.plainScalar(raw);
  }

  private mapping(depth: number): Record<string, unknown> {
    this.enter(depth);
    const start = this.at;
    const value: Record<string, unknown> = {};
    this.at++;
    if (this.next() === 125) {
      this.at++;
      this.noteEnd(start);
      return value;
    }
    for (;;) {
      if (this.next() !== 34) throw new NotPlainJson();
      this.budget.spendNodes(1);
      const key = this.string();
      // The YAML reader merges the mapping under any `<<` key, quoted or not: leave those to it.
      if (key.length > MAX_KEY || key === '<<') throw new NotPlainJson();
      this.budget.spendBytes(key.length);
      if (this.next() !== 58) throw new NotPlainJson();
      this.at++;
      defineKey(value, key, this.value(depth));
      const after = this.next();
      this.at++;
      if (after === 125) {
        this.noteEnd(start);
        return value;
      }
      if (after !== 44) throw new NotPlainJson();
    }
  }

  private sequence(depth: number): unknown[] {
    this.enter(depth);
    const start = this.at;
    const value: unknown[] = [];
    this.at++;
    if (this.next() === 93) {
      this.at++;
      this.noteEnd(start);
      return value;
    }
    for (;;) {
      value.push(this.value(depth));
      const after = this.next();
      this.at++;
      if (after === 93) {
        this.noteEnd(start);
        return value;
      }
      if (after !== 44) throw new NotPlainJson();
    }
  }

  /** The container that started at `start` ends here: noted when it is long (noting each one cost more). */
  private noteEnd(start: number): void {
    if (this.at - start >= NOTE_END_FROM) this.ends.set(start, this.at);
  }

  /** A container opens: one node; nesting stops well before js-yaml's maxDepth would. */
  private enter(depth: number): void {
    if (depth > LIMITS.maxDepth - 2) throw new NotPlainJson();
    this.budget.spendNodes(1);
  }

  /** The code of the next character that is not a space. */
  private next(): number {
    this.at = skipSpace(this.text, this.at, this.end);
    return this.text.charCodeAt(this.at);
  }

  /** The string whose opening quote is at `this.at`, decoded as JSON decodes it. */
  private string(): string {
    const close = closingQuote(this.text, this.at, this.end);
    const value = stringAt(this.text, this.at, close);
    this.at = close + 1;
    return value;
  }

  /** A number, `true`, `false` or `null`, as written. */
  private plain(): string {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return word;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === '' || this.at + match[0].length > this.end) throw new NotPlainJson();
    this.at += match[0].length;
    return match[0];
  }
}

/** The offset of the quote that closes the string opened at `open`. */
function closingQuote(text: string, open: number, end: number): number {
  for (let at = open + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 34) return at;
    if (code === 92) at++;
    else if (code < 32) throw new NotPlainJson();
  }
  throw new NotPlainJson();
}

/** The string text[open, close] (quotes included), decoded as JSON decodes it. */
function stringAt(text: string, open: number, close: number): string {
  const inner = text.slice(open + 1, close);
  return inner.includes('\\') ? (JSON.parse(text.slice(open, close + 1)) as string) : inner;
}

/**
 * The offset records of a document read by the Reader, each made from the text when first asked for:
 * a rule asks for a few dozen places, and a record per mapping and sequence of a 5 MiB dump (made
 * while reading) doubled what the garbage collector had to go through. A record is what the YAML reader
 * records: a key located after its opening quote, an item where it starts (after a string's quote);
 * with a key written twice, the last one, whose value the mapping holds. A record steps over a long
 * nested mapping or sequence by the end the Reader noted for it: scanning them made the records of a
 * dump's root and of its `kubeletconfig` go through the whole file twice.
 */
class LazyRecords implements Records {
  private readonly records = new Map<object, OffsetRecord>();
  /** Where a container not yet asked for starts: known once its parent's record is made. */
  private readonly starts = new Map<object, number>();

  constructor(
    private readonly text: string,
    root: object,
    rootOffset: number,
    /** The Reader's noted ends of long containers, by start. */
    private readonly ends: ReadonlyMap<number, number>,
  ) {
    this.starts.set(root, rootOffset);
  }

  get(container: object): OffsetRecord | undefined {
    const known = this.records.get(container);
    if (known) return known;
    const start = this.starts.get(container);
    if (start === undefined) return undefined;
    const record = Array.isArray(container)
      ? this.sequence(container, start)
      : this.mapping(container as Record<string, unknown>, start);
    this.records.set(container, record);
    return record;
  }

  private mapping(container: Record<string, unknown>, start: number): Record<string, number> {
    const record: Record<string, number> = {};
    const valueStarts: Record<string, number> = {};
    let at = skipSpace(this.text, start + 1, this.text.length);
    while (this.text.charCodeAt(at) === 34) {
      const close = closingQuote(this.text, at, this.text.length);
      const key = stringAt(this.text, at, close);
      defineKey(record, key, at + 1);
      at = skipSpace(this.text, skipSpace(this.text, close + 1, this.text.length) + 1, this.text.length);
      defineKey(valueStarts, key, at);
      at = this.afterEntry(at);
    }
    for (const key of Object.keys(container)) this.child(container[key], valueStarts[key]);
    return record;
  }

  private sequence(container: unknown[], start: number): number[] {
    const record: number[] = [];
    let at = skipSpace(this.text, start + 1, this.text.length);
    for (const item of container) {
      record.push(this.text.charCodeAt(at) === 34 ? at + 1 : at);
      this.child(item, at);
      at = this.afterEntry(at);
    }
    return record;
  }

  private child(value: unknown, start: number | undefined): void {
    if (typeof value === 'object' && value !== null && start !== undefined) this.starts.set(value, start);
  }

  /** From a value at `at`: past it, its comma and the spaces, to the next entry (or the closing bracket). */
  private afterEntry(at: number): number {
    const end = skipSpace(this.text, this.skipValue(at), this.text.length);
    return this.text.charCodeAt(end) === 44 ? skipSpace(this.text, end + 1, this.text.length) : end;
  }

  /** The offset just after the value that starts at `at` (the text was read as plain JSON already). */
  private skipValue(at: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === 34) return closingQuote(text, at, text.length) + 1;
    if (first === 123 || first === 91) return this.ends.get(at) ?? this.scanContainer(at);
    let end = at;
    for (let code = text.charCodeAt(end); end < text.length; code = text.charCodeAt(++end))
      if (code === 44 || code === 125 || code === 93 || code === 32 || code === 10 || code === 13) break;
    return end;
  }

  /** The offset just after the mapping or sequence that starts at `at`, found by scanning it. */
  private scanContainer(at: number): number {
    const text = this.text;
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 34) i = closingQuote(text, i, text.length);
      else if (code === 123 || code === 91) depth++;
      else if ((code === 125 || code === 93) && --depth === 0) return i + 1;
    }
    return text.length;
  }
}
