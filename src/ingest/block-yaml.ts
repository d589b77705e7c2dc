/**
 * Block YAML as manifests are written (indented mappings and sequences of one-line scalars, literal
 * `|` blocks, one-line `[a, "b"]` lists) read without js-yaml's events, with the same result as reading
 * it from them: building a document from its events cost more than parsing it (issue 16), and most
 * uploads use nothing else.
 *
 * The result is the one src/ingest/yaml.ts builds, value for value and offset for offset: a mapping is
 * located at its first key, a sequence at its first `-` or its `[`, a quoted scalar after its opening
 * quote, a literal block at the line after its `|`, an empty scalar at the document's start less one, as
 * js-yaml places them; plain scalars are resolved by the same schema. Only that subset is read here;
 * undefined sends the text to the YAML reader, which decides: anchors, aliases, tags, folded and
 * multi-line scalars, `|+` and indentation indicators, flow mappings other than `{}`, nested flow
 * collections, complex or `<<` keys, escapes JSON does not share, a tab, a CR outside CRLF, a BOM or a
 * character YAML does not print, indentation that is not a child's or a sibling's, nesting near
 * LIMITS.maxDepth, a budget breach.
 */
import { LIMITS } from '../catalogue/limits';
import type { Budget } from './budget';
import {
  CARRIAGE_RETURN,
  COLON,
  DASH,
  DOUBLE_QUOTE,
  HASH,
  LINE_FEED,
  SINGLE_QUOTE,
  SPACE,
} from './char-codes';
import type { OffsetRecord } from './offset-index';
import { defineKey } from './own-key';
import type { Piece } from './yaml';

export interface BlockDocument {
  value: unknown;
  rootOffset: number;
  byContainer: Map<object, OffsetRecord>;
}

/**
 * Characters this reader leaves to js-yaml: controls (a tab, a CR but CRLF's), surrogates, BOM, U+2028/9.
 * A CR is then always a line's end, as it is to js-yaml: values never hold one. The lone CR is a test
 * of its own, run only on text that has a CR: a class alone is scanned at half the cost of the two.
 */
const UNLIKE_BLOCK =
  // eslint-disable-next-line no-control-regex -- control characters are what the check looks for
  /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
const LONE_CR = /\r(?!\n)/;
/** `---` alone on its line, or with a comment. */
const BARE_MARKER = /^---(?:[ ]+(?:#[^\r\n]*)?)?(?:\r?\n|$)/;
/** The escapes YAML's double quotes and JSON's strings read alike. */
const JSON_ESCAPES = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;
const MAX_KEY = 1024;

/** What the reader throws to give the text back to js-yaml; one object, since no one reads its stack. */
const NOT_PLAIN_BLOCK = new Error('not plain block YAML');

/**
 * The document text[start, end) when it is plain block YAML with a mapping or sequence at its root,
 * charged to `budget` as the YAML reader charges it; undefined otherwise (nothing is charged then).
 */
export function readBlockDocument(
  text: string,
  start: number,
  end: number,
  budget: Budget,
  plainScalar: (raw: string) => unknown,
  /** When the text is a piece of a larger document (yaml-segments.ts). */
  piece?: Piece,
): BlockDocument | undefined {
  const chunk = text.slice(start, end);
  if (UNLIKE_BLOCK.test(chunk) || (chunk.includes('\r') && LONE_CR.test(chunk))) return undefined;
  let at = start;
  if (chunk.startsWith('---')) {
    const marker = BARE_MARKER.exec(chunk.slice(0, 256));
    if (!marker) return undefined;
    at += marker[0].length;
  }
  const byContainer = piece?.byContainer ?? new Map<object, OffsetRecord>();
  const reader = new Reader(
    text,
    end,
    (piece?.documentStart ?? start) - 1,
    piece?.maxDepth ?? LIMITS.maxDepth,
    budget.room(),
    byContainer,
    plainScalar,
  );
  try {
    const first = reader.seekContent(at);
    if (first >= end) return undefined;
    const value = reader.block(first, reader.indent, 1, -1);
    if (reader.at < end) return undefined;
    // Within the room, so no limit is breached: a text that breaches one is left to js-yaml, which
    // names the limit where it is crossed.
    budget.spendNodes(reader.nodes);
    budget.spendBytes(reader.bytes);
    return { value, rootOffset: reader.nodeAt, byContainer };
  } catch {
    return undefined;
  }
}

class Reader {
  /** After a node: the first character of the next line with content, or `end`. */
  at = 0;
  /** That line's indentation. */
  indent = 0;
  /** Where the node just read is located (what js-yaml's event gives). */
  nodeAt = 0;
  nodes = 0;
  bytes = 0;
  /** The scalar just read: its value's text, and whether it was quoted. */
  private raw = '';
  private quoted = false;

  constructor(
    private readonly text: string,
    private readonly end: number,
    /** Where an empty scalar is located: js-yaml gives it no offset, and the YAML reader puts it here. */
    private readonly emptyAt: number,
    /** js-yaml's bound on nesting for this text. */
    private readonly maxDepth: number,
    /** What the request's budget still takes: the reader stops where js-yaml's reading would. */
    private readonly room: { nodes: number; bytes: number },
    private readonly byContainer: Map<object, OffsetRecord>,
    private readonly plainScalar: (raw: string) => unknown,
  ) {}

  /** From the start of a line, the first character of the next line that is not blank or a comment. */
  seekContent(from: number): number {
    const { text, end } = this;
    let line = from;
    while (line < end) {
      let first = line;
      while (first < end && text.charCodeAt(first) === SPACE) first++;
      if (first >= end) return end;
      const code = text.charCodeAt(first);
      if (code !== LINE_FEED && code !== CARRIAGE_RETURN && code !== HASH) {
        this.indent = first - line;
        return first;
      }
      const feed = text.indexOf('\n', first);
      if (feed < 0 || feed >= end) return end;
      line = feed + 1;
    }
    return end;
  }

  /** A mapping or a sequence whose first entry is at `at`, in column `indent`. */
  block(at: number, indent: number, depth: number, parentIndent: number): unknown {
    if (this.isEntry(at)) return this.sequence(at, indent, depth, indent === parentIndent);
    return this.mapping(at, indent, depth);
  }

  private isEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    return this.endsValue(at + 1);
  }

  /** `scanned`: scalar() has just read the first key (a compact entry, told from a scalar by reading it). */
  private mapping(at: number, indent: number, depth: number, scanned = false): Record<string, unknown> {
    this.enter(depth);
    const value: Record<string, unknown> = {};
    const record: Record<string, number> = {};
    this.byContainer.set(value, record);
    const located = at;
    for (let key = at, read = scanned; ; read = false) {
      if (!read && !this.scalar(key)) throw NOT_PLAIN_BLOCK;
      const name = this.keyName();
      const keyAt = this.quoted ? key + 1 : key;
      const child = this.mappingValue(indent, depth + 1);
      defineKey(value, name, child);
      defineKey(record, name, keyAt);
      if (this.at >= this.end || this.indent < indent) break;
      if (this.indent > indent || this.isEntry(this.at)) throw NOT_PLAIN_BLOCK;
      key = this.at;
    }
    this.nodeAt = located;
    return value;
  }

  /** The key just read as the mapping names it; `<<` (a merge, even quoted) and long keys go to js-yaml. */
  private keyName(): string {
    const raw = this.raw;
    if (raw.length > MAX_KEY || raw === '<<') throw NOT_PLAIN_BLOCK;
    this.count(raw.length);
    if (this.quoted) return raw;
    const value = this.plainScalar(raw);
    return typeof value === 'string' ? value : String(value);
  }

  /** After `key:`: a value on the same line, a block on the lines below, or nothing. */
  private mappingValue(indent: number, depth: number): unknown {
    const at = this.skipSpaces(this.at);
    if (!this.endsLine(at)) return this.inline(at, depth, indent);
    const next = this.seekContent(this.lineAfter(at));
    if (next < this.end && (this.indent > indent || (this.indent === indent && this.isEntry(next))))
      return this.block(next, this.indent, depth, indent);
    return this.empty(next);
  }

  private sequence(at: number, indent: number, depth: number, endsAtKey: boolean): unknown[] {
    this.enter(depth);
    const value: unknown[] = [];
    const record: number[] = [];
    this.byContainer.set(value, record);
    for (let dash = at; ;) {
      const content = this.skipSpaces(dash + 1);
      let item: unknown;
      if (this.endsLine(content)) {
        const next = this.seekContent(this.lineAfter(content));
        item =
          next < this.end && this.indent > indent
            ? this.block(next, this.indent, depth + 1, indent)
            : this.empty(next);
      } else {
        // A compact entry: its column is the one it starts at on the dash's line.
        const column = indent + (content - dash);
        if (this.isEntry(content)) item = this.sequence(content, column, depth + 1, false);
        else if (!this.startsScalar(content)) item = this.inline(content, depth + 1, indent);
        else if (this.scalar(content)) item = this.mapping(content, column, depth + 1, true);
        else item = this.scannedValue(content);
      }
      value.push(item);
      record.push(this.nodeAt);
      if (this.at >= this.end || this.indent < indent) break;
      if (this.indent > indent) throw NOT_PLAIN_BLOCK;
      if (!this.isEntry(this.at)) {
        if (endsAtKey) break;
        throw NOT_PLAIN_BLOCK;
      }
      dash = this.at;
    }
    this.nodeAt = at;
    return value;
  }

  /** Whether a one-line scalar (plain or quoted) starts at `at`. */
  private startsScalar(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return code === DOUBLE_QUOTE || code === SINGLE_QUOTE || this.startsPlain(at);
  }

  /**
   * A value on the line of its key or dash: a scalar, `{}`, a one-line `[…]` of scalars, then at most a
   * comment; or a literal block below a `|`, indented deeper than `parentIndent`.
   */
  private inline(at: number, depth: number, parentIndent: number): unknown {
    const { text } = this;
    const code = text.charCodeAt(at);
    let value: unknown;
    if (code === 124) return this.literal(at, parentIndent);
    if (code === 123 && text.charCodeAt(at + 1) === 125) {
      this.enter(depth);
      const empty = {};
      this.byContainer.set(empty, {});
      value = empty;
      this.nodeAt = at;
      this.at = at + 2;
    } else if (code === 91) value = this.flowSequence(at, depth);
    else {
      if (this.scalar(at)) throw NOT_PLAIN_BLOCK; // `a: b: c`
      return this.scannedValue(at);
    }
    this.at = this.seekContent(this.lineAfter(this.restOfLine(this.at)));
    return value;
  }

  /** The scalar scalar() has just read at `at` (not a key) as a value; then at most a comment. */
  private scannedValue(at: number): unknown {
    this.count(this.raw.length);
    this.nodeAt = this.quoted ? at + 1 : at;
    const value = this.quoted ? this.raw : this.plainScalar(this.raw);
    this.at = this.seekContent(this.lineAfter(this.restOfLine(this.at)));
    return value;
  }

  /** Past the spaces and comment that may end a line from `at`; throws at anything else. */
  private restOfLine(at: number): number {
    const rest = this.skipSpaces(at);
    // A comment needs a space before it (`"a"#b` is an error).
    if (
      !this.endsLine(rest) ||
      (this.text.charCodeAt(rest) === HASH && this.text.charCodeAt(rest - 1) !== SPACE)
    )
      throw NOT_PLAIN_BLOCK;
    return rest;
  }

  /** `[a, "b"]` on one line: scalars only, no trailing comma, no comment inside. */
  private flowSequence(open: number, depth: number): unknown[] {
    this.enter(depth);
    const { text } = this;
    const value: unknown[] = [];
    const record: number[] = [];
    this.byContainer.set(value, record);
    let at = this.skipSpaces(open + 1);
    if (text.charCodeAt(at) === 93) {
      this.at = at + 1;
      this.nodeAt = open;
      return value;
    }
    for (;;) {
      const code = text.charCodeAt(at);
      let after: number;
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        after = code === DOUBLE_QUOTE ? this.doubleQuoted(at) : this.singleQuoted(at);
        value.push(this.raw);
        record.push(at + 1);
      } else {
        after = this.flowPlain(at);
        value.push(this.plainScalar(this.raw));
        record.push(at);
      }
      this.count(this.raw.length);
      at = this.skipSpaces(after);
      const next = text.charCodeAt(at);
      if (next === 93) break;
      if (next !== 44) throw NOT_PLAIN_BLOCK; // a `:` (a pair), a line's end, a comment
      at = this.skipSpaces(at + 1);
      if (text.charCodeAt(at) === 93) throw NOT_PLAIN_BLOCK; // a trailing comma
    }
    this.at = at + 1;
    this.nodeAt = open;
    return value;
  }

  /** A plain scalar inside `[…]` into `raw`: it ends at `,` or `]`; returns the offset after it. */
  private flowPlain(at: number): number {
    const { text, end } = this;
    const code = text.charCodeAt(at);
    // `-`, `?`, `:` start a plain scalar only before a character that is not a flow indicator.
    if (
      !this.startsPlain(at) ||
      ((code === DASH || code === 63 || code === COLON) && this.endsFlowValue(at + 1))
    )
      throw NOT_PLAIN_BLOCK;
    let stop = at + 1;
    for (; stop < end; stop++) {
      const c = text.charCodeAt(stop);
      if (c === 44 || c === 93) break;
      if (c === 91 || c === 123 || c === 125 || c === LINE_FEED || c === CARRIAGE_RETURN)
        throw NOT_PLAIN_BLOCK;
      if (c === COLON && this.endsFlowValue(stop + 1)) throw NOT_PLAIN_BLOCK;
      if (c === HASH && text.charCodeAt(stop - 1) === SPACE) throw NOT_PLAIN_BLOCK;
    }
    this.raw = this.trimmed(at, stop);
    return stop;
  }

  /** Whether a value inside `[…]` ends at `at`: what ends a block value, or a flow indicator. */
  private endsFlowValue(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return this.endsValue(at) || code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
  }

  /**
   * A literal block (`|` or `|-`) whose header is at `at`: its lines below, less their indentation,
   * which the first of them sets and must be deeper than `parentIndent`. Left to js-yaml: `|+`, an
   * indentation indicator, a block with no line, a blank line with more spaces than the indentation
   * (js-yaml keeps some of them), a last line the document ends without a line break.
   */
  private literal(at: number, parentIndent: number): string {
    const { text, end } = this;
    const strip = text.charCodeAt(at + 1) === DASH;
    const first = this.lineAfter(this.restOfLine(strip ? at + 2 : at + 1));
    let indent = -1;
    let leadingSpaces = 0;
    let blanks = 0;
    let lines = 0;
    let value = '';
    let line = first;
    while (line < end) {
      const content = this.skipSpaces(line);
      const spaces = content - line;
      const code = text.charCodeAt(content);
      if (content >= end || code === LINE_FEED || code === CARRIAGE_RETURN) {
        // A blank line: a line break in the value when a line follows it.
        if (indent < 0) leadingSpaces = Math.max(leadingSpaces, spaces);
        else if (spaces > indent) throw NOT_PLAIN_BLOCK;
        blanks++;
        line = this.lineAfter(content);
        continue;
      }
      if (indent < 0) {
        if (spaces <= parentIndent || leadingSpaces > spaces) throw NOT_PLAIN_BLOCK;
        indent = spaces;
      } else if (spaces < indent) break;
      const feed = text.indexOf('\n', content);
      if (feed < 0 || feed >= end) throw NOT_PLAIN_BLOCK;
      const lineEnd = text.charCodeAt(feed - 1) === CARRIAGE_RETURN ? feed - 1 : feed;
      value += (lines > 0 ? '\n' : '') + '\n'.repeat(blanks) + text.slice(line + indent, lineEnd);
      lines++;
      blanks = 0;
      line = feed + 1;
    }
    if (indent < 0) throw NOT_PLAIN_BLOCK;
    if (!strip) value += '\n';
    this.count(value.length);
    this.nodeAt = first;
    this.at = this.seekContent(line);
    return value;
  }

  /** An empty scalar; the next content is at `next`. */
  private empty(next: number): null {
    this.count(0);
    this.nodeAt = this.emptyAt;
    this.at = next;
    return null;
  }

  /**
   * The one-line scalar at `at` into `raw` and `quoted`; `at` moves past it (and past the `:` of a key).
   * Returns whether it is a key. Throws at anything but a plain or a quoted scalar.
   */
  private scalar(at: number): boolean {
    const { text, end } = this;
    const code = text.charCodeAt(at);
    let after: number;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      after = code === DOUBLE_QUOTE ? this.doubleQuoted(at) : this.singleQuoted(at);
      this.quoted = true;
      const colon = this.skipSpaces(after);
      if (text.charCodeAt(colon) === COLON && this.endsValue(colon + 1)) {
        this.at = colon + 1;
        return true;
      }
      this.at = after;
      return false;
    }
    if (!this.startsPlain(at)) throw NOT_PLAIN_BLOCK;
    this.quoted = false;
    let stop = at + 1;
    let key = false;
    for (; stop < end; stop++) {
      const c = text.charCodeAt(stop);
      if (c === LINE_FEED || c === CARRIAGE_RETURN) break;
      if (c === COLON && this.endsValue(stop + 1)) {
        key = true;
        break;
      }
      if (c === HASH && text.charCodeAt(stop - 1) === SPACE) break;
    }
    this.raw = this.trimmed(at, stop);
    this.at = key ? stop + 1 : stop;
    return key;
  }

  /** A plain scalar's text[at, stop), less the spaces it ends with (`at` is not a space). */
  private trimmed(at: number, stop: number): string {
    let last = stop;
    while (this.text.charCodeAt(last - 1) === SPACE) last--;
    return this.text.slice(at, last);
  }

  /** A plain scalar may start here: not an indicator, and `-`, `?`, `:` only before a character. */
  private startsPlain(at: number): boolean {
    const code = this.text.charCodeAt(at);
    if (code === DASH || code === 63 || code === COLON) return !this.endsValue(at + 1);
    // , [ ] { } # & * ! | > ' " % @ `  and what ends a line
    return !(
      code === 44 ||
      code === 91 ||
      code === 93 ||
      code === 123 ||
      code === 125 ||
      code === HASH ||
      code === 38 ||
      code === 42 ||
      code === 33 ||
      code === 124 ||
      code === 62 ||
      code === SINGLE_QUOTE ||
      code === DOUBLE_QUOTE ||
      code === 37 ||
      code === 64 ||
      code === 96 ||
      code === SPACE ||
      code === LINE_FEED ||
      code === CARRIAGE_RETURN ||
      at >= this.end
    );
  }

  /** A `"…"` on one line into `raw`, decoded as JSON decodes it; returns the offset after it. */
  private doubleQuoted(open: number): number {
    const { text, end } = this;
    let escaped = false;
    for (let at = open + 1; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === DOUBLE_QUOTE) {
        const inner = text.slice(open + 1, at);
        if (escaped) {
          if (inner.replace(JSON_ESCAPES, '').includes('\\')) throw NOT_PLAIN_BLOCK;
          this.raw = JSON.parse(`"${inner}"`) as string;
        } else this.raw = inner;
        return at + 1;
      }
      if (code === 92) {
        escaped = true;
        at++;
      } else if (code === LINE_FEED || code === CARRIAGE_RETURN) break;
    }
    throw NOT_PLAIN_BLOCK;
  }

  /** A `'…'` on one line into `raw` (`''` is a quote); returns the offset after it. */
  private singleQuoted(open: number): number {
    const { text, end } = this;
    let doubled = false;
    for (let at = open + 1; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === SINGLE_QUOTE) {
        if (text.charCodeAt(at + 1) === SINGLE_QUOTE && at + 1 < end) {
          doubled = true;
          at++;
          continue;
        }
        const inner = text.slice(open + 1, at);
        this.raw = doubled ? inner.replaceAll("''", "'") : inner;
        return at + 1;
      }
      if (code === LINE_FEED || code === CARRIAGE_RETURN) break;
    }
    throw NOT_PLAIN_BLOCK;
  }

  /** A collection opens: one node; nesting stops well before js-yaml's maxDepth would. */
  private enter(depth: number): void {
    if (depth > this.maxDepth - 2) throw NOT_PLAIN_BLOCK;
    this.count(0);
  }

  /** One more node of `chars` characters; past the budget's room, js-yaml reads and refuses the text. */
  private count(chars: number): void {
    this.nodes++;
    this.bytes += chars;
    if (this.nodes > this.room.nodes || this.bytes > this.room.bytes) throw NOT_PLAIN_BLOCK;
  }

  private skipSpaces(from: number): number {
    let at = from;
    while (at < this.end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** Whether a value ends at `at`: a space, the line's end or the document's. */
  private endsValue(at: number): boolean {
    if (at >= this.end) return true;
    const code = this.text.charCodeAt(at);
    return code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN;
  }

  /** Whether nothing but a comment is left on the line at `at` (after spaces). */
  private endsLine(at: number): boolean {
    if (at >= this.end) return true;
    const code = this.text.charCodeAt(at);
    return code === LINE_FEED || code === CARRIAGE_RETURN || code === HASH;
  }

  /** The start of the line after the one `at` is on. */
  private lineAfter(at: number): number {
    const feed = this.text.indexOf('\n', at);
    return feed < 0 || feed >= this.end ? this.end : feed + 1;
  }
}
