/**
 * Where a YAML document can be cut into its top-level entries, so that each is parsed on its own.
 *
 * js-yaml's parseEvents keeps every event of a text until it returns, and the garbage collector copies
 * the ones that survive: one 1 MiB document (a `kind: List`) parsed 1.5x slower than the same objects as
 * separate documents, and at 5 MiB 3x slower (issue 16). Parsed entry by entry, a List costs what its
 * items cost as documents.
 *
 * Only the plainest layout is cut, the one kubectl writes: a block mapping whose keys are plain words
 * at column 0, and under a key that is alone on its line, a block sequence whose `- ` entries are at
 * column 0 too. At column 0 every such line starts a new entry of the root mapping or of that sequence:
 * whatever is inside an entry is indented (js-yaml refuses a quoted or flow scalar continued at column
 * 0: "deficient indentation"). Any other line at column 0 (a quoted or complex key, an anchor, a tag,
 * `...`, a directive, a tab) means the document is read whole. What is cut is still checked when it is
 * read (src/ingest/yaml.ts): each entry must parse as one key, each item as one item, with no alias to
 * another piece, or the document is read whole.
 */
import { CARRIAGE_RETURN, DASH, HASH, LINE_FEED, SPACE, TAB } from './char-codes';

export interface Segment {
  /** text[start, end): an entry of the root mapping (with the `---` line and comments before it, for the first one), or an item. */
  start: number;
  end: number;
  /** `entry`: `key: value` at column 0; `item`: `- value` at column 0, an item of the sequence under the last entry. */
  kind: 'entry' | 'item';
  /** For an entry: its key is alone on its line (nothing but comments up to the next entry or item). */
  bare: boolean;
}

/** `key:` alone on its line, a plain word for key, an optional comment after it. */
const BARE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*:[ \t]*(?:#.*)?\r?$/;
/** A line that holds nothing: blanks, or a comment. */
const EMPTY_LINE = /^[ \t]*(?:#.*)?\r?$/;
/** The `---` marker with nothing after it but a comment. */
const BARE_MARKER = /^---[ \t]*(?:#.*)?\r?$/;
const KEY_START = /[A-Za-z0-9_]/;

/**
 * The entries and items of the document text[start, end) when it has the layout above and at least two
 * items (otherwise cutting gains nothing); undefined when it must be read whole.
 */
export function topLevelSegments(text: string, start: number, end: number): Segment[] | undefined {
  const segments: Segment[] = [];
  let items = 0;
  let open: Segment | undefined;
  let lineStart = start;
  if (text.startsWith('---', start)) {
    const eol = lineEnd(text, start, end);
    if (!BARE_MARKER.test(text.slice(start, eol))) return undefined;
    lineStart = eol + 1;
  }
  for (; lineStart < end; lineStart = lineEnd(text, lineStart, end) + 1) {
    const first = text.charCodeAt(lineStart);
    if (first === SPACE || first === HASH || first === LINE_FEED || first === CARRIAGE_RETURN) {
      // Inside the open entry or item: its content, a comment, or a blank line.
      if (open?.bare && !EMPTY_LINE.test(text.slice(lineStart, lineEnd(text, lineStart, end))))
        open.bare = false;
      continue;
    }
    const kind =
      first === DASH && (lineStart + 1 >= end || isBlank(text.charCodeAt(lineStart + 1))) ? 'item' : 'entry';
    if (kind === 'entry' && !KEY_START.test(text.charAt(lineStart))) return undefined;
    if (kind === 'item') {
      // An item belongs to the sequence of a bare entry, or follows another item.
      if (!open || (open.kind === 'entry' && !open.bare)) return undefined;
      items++;
    }
    // The first entry keeps what precedes it (the marker, comments): its piece starts at the document.
    const from = open ? lineStart : start;
    if (open) {
      open.end = lineStart;
      segments.push(open);
    } else if (kind === 'item') return undefined;
    const bare = kind === 'entry' && BARE_KEY.test(text.slice(lineStart, lineEnd(text, lineStart, end)));
    open = { start: from, end, kind, bare };
  }
  if (open) segments.push(open);
  return items >= 2 ? segments : undefined;
}

/** The offset of the line break ending the line at `from`, or `end`. */
function lineEnd(text: string, from: number, end: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 || at > end ? end : at;
}

/** After `-`: a space, a tab or a line break (or the end) make it a sequence entry (js-yaml's test). */
function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;
}
