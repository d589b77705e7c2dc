/**
 * Reads YAML (and JSON, which YAML contains) the way Kubernetes' own decoder does, and remembers where
 * every value was written.
 *
 * Kubernetes decodes manifests with sigs.k8s.io/yaml on top of go-yaml v2: js-yaml parses the same
 * syntax, and go-yaml-scalars.ts gives scalars go-yaml's values (`yes` is true, `0777` octal, `1:20`
 * text). js-yaml 5 exposes a flat event stream with source offsets, from which we build both the value
 * and a JSON-pointer → offset map. Most documents never need them: plain JSON (json-document.ts) and
 * plain block YAML (block-yaml.ts) are read directly, to the same value and offsets, and anything else is
 * left to the events.
 *
 * A stream is split at `---` lines first, so one broken document does not hide its neighbours.
 */
import { EVENT_ID, SCALAR_STYLE, YAMLException, getScalarValue, parseEvents } from 'js-yaml/browser';
import { LIMITS } from '../catalogue/limits';
import { redact } from '../security/redact';
import { chargeAhead, hasAlias } from './alias-charges';
import { LimitError, type Budget } from './budget';
import { OffsetIndex, type OffsetRecord, type Records } from './offset-index';
import { LineIndex } from './positions';
import { readBlockDocument } from './block-yaml';
import { plainScalar, taggedScalar } from './go-yaml-scalars';
import { readJsonDocument } from './json-document';
import { defineKey } from './own-key';
import { topLevelSegments, type Segment } from './yaml-segments';

export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  value: unknown;
  /** JSON pointer → character offset in the file (for a mapping entry, the offset of its key). */
  offsets: OffsetIndex;
}

export interface ParseError {
  message: string;
  line: number;
  column: number;
}

export interface ParsedStream {
  documents: ParsedDocument[];
  errors: ParseError[];
  lines: LineIndex;
}

/** A problem inside one document (a per-document limit, an unknown alias); carries the offset where it was noticed. */
class DocumentError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * From this size a document is cut into its top-level entries when it can be (yaml-segments.ts): below
 * it, the events a piece saves the garbage collector cost less than a parse per piece.
 */
const CUT_FROM = 64 * 1024;

export interface Readers {
  /** Plain JSON is read without events (json-document.ts). */
  json: boolean;
  /** Plain block YAML is read without events (block-yaml.ts). */
  block: boolean;
  /** Documents of at least this many characters are read piece by piece when they can be. */
  cutFrom: number;
  /** false: a document with aliases is built without being charged first (alias-charges.ts). */
  chargeAhead?: boolean;
}

/**
 * Every document of `text`, each drawing on the request's `budget` as it is split and built; a document
 * that cannot be read is an error of its own. A budget breach (LimitError) ends the whole request.
 */
export function parseYamlStream(
  text: string,
  budget: Budget,
  /** Which readers may read a document besides js-yaml's events (the tests compare them). */
  readers: Readers = { json: true, block: true, cutFrom: CUT_FROM },
): ParsedStream {
  const lines = new LineIndex(text);
  const documents: ParsedDocument[] = [];
  const errors: ParseError[] = [];
  for (const chunk of splitDocuments(text)) {
    budget.spendDocument();
    try {
      const docs = readChunk(text, chunk.start, chunk.end, budget, readers);
      for (const doc of docs) {
        documents.push({
          index: documents.length,
          value: doc.value,
          offsets: new OffsetIndex(doc.value, doc.rootOffset, doc.byContainer),
        });
      }
    } catch (error) {
      if (error instanceof LimitError) throw error;
      // JSON that YAML rejects (tab indentation) is still JSON; a limit breach is not retried.
      const json = isLimit(error) ? undefined : tryJson(text.slice(chunk.start, chunk.end), budget);
      if (json !== undefined) {
        documents.push({
          index: documents.length,
          value: json,
          offsets: new OffsetIndex(json, chunk.start, new Map()),
        });
        continue;
      }
      errors.push(describeError(error, chunk, text, lines));
    }
  }
  return { documents, errors, lines };
}

/** Chunks of the text between `---` document markers at the start of a line, found one at a time. */
function* splitDocuments(text: string): Generator<{ start: number; end: number }> {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match.index > start && !isBlank(text, start, match.index)) yield { start, end: match.index };
    start = match.index;
  }
  yield { start, end: text.length };
}

/** Whether text[start, end) is only whitespace, without copying it. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return false;
  }
  return true;
}

function isLimit(error: unknown): boolean {
  return (
    error instanceof DocumentError || (error instanceof YAMLException && error.reason.includes('maxDepth'))
  );
}

/**
 * The value of a JSON document YAML rejected, or undefined. Its depth, nodes and strings are measured on
 * the text first, so JSON.parse never builds what the budget would refuse.
 */
function tryJson(text: string, budget: Budget): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  const shape = measureJson(trimmed);
  if (shape.depth > LIMITS.maxDepth) return undefined;
  budget.spendNodes(shape.nodes);
  budget.spendBytes(shape.stringChars);
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/** Nesting depth, an upper bound of the nodes, and the characters inside strings of a JSON text. */
function measureJson(text: string): { depth: number; nodes: number; stringChars: number } {
  let depth = 0;
  let deepest = 0;
  let nodes = 1;
  let stringChars = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i++; // backslash: the next character is escaped
      else if (code === 34) inString = false;
      else stringChars++;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) deepest = Math.max(deepest, ++depth);
    else if (code === 125 || code === 93) depth--;
    else if (code === 44 || code === 58) nodes++; // `,` another item, `:` a key's value
  }
  return { depth: deepest, nodes, stringChars };
}

function describeError(
  error: unknown,
  chunk: { start: number; end: number },
  text: string,
  lines: LineIndex,
): ParseError {
  if (error instanceof DocumentError) {
    return { message: error.message, ...lines.locate(error.offset) };
  }
  if (error instanceof YAMLException) {
    // An error at the very end of a chunk belongs to its last line, not to the next `---`.
    const offset = Math.min(chunk.start + (error.mark?.position ?? 0), Math.max(chunk.start, chunk.end - 1));
    const reason = error.reason.includes('maxDepth')
      ? `nesting deeper than ${LIMITS.maxDepth} levels (limit maxDepth)`
      : withoutQuotedSource(error.reason);
    return { message: `YAML syntax error: ${reason}`, ...lines.locate(Math.min(offset, text.length)) };
  }
  return { message: 'could not read this document as YAML or JSON', ...lines.locate(chunk.start) };
}

/** What an anchor names, and what each use of it costs: its nodes and the characters of its strings. */
interface Anchored {
  value: unknown;
  size: number;
  bytes: number;
}

const DOCUMENT = 0;
const SEQUENCE = 1;
const MAPPING = 2;

/** One open collection; one shape for all three kinds, so the reader's property accesses stay monomorphic. */
interface Container {
  kind: typeof DOCUMENT | typeof SEQUENCE | typeof MAPPING;
  value: unknown;
  /** Offsets of this container's children (undefined inside a complex key, which has no pointer). */
  offsets: OffsetRecord | undefined;
  anchor: string | undefined;
  /** Nodes under and including this one, aliases expanded: what an alias of it costs. */
  size: number;
  /** Characters of the strings and keys under it: what an alias of it costs. */
  bytes: number;
  /** Mapping only: whether a key waits for its value, the key, and the key's offset. */
  hasKey: boolean;
  key: string;
  keyOffset: number;
  merges: unknown[] | undefined;
}

function container(
  kind: Container['kind'],
  value: unknown,
  offsets: OffsetRecord | undefined,
  anchor?: string,
) {
  const open: Container = {
    kind,
    value,
    offsets,
    anchor,
    size: kind === DOCUMENT ? 0 : 1,
    bytes: 0,
    hasKey: false,
    key: '',
    keyOffset: 0,
    merges: undefined,
  };
  return open;
}

/** Stands in for "no open container" (never written to: only a DOCUMENT event sees an empty stack). */
const ROOT = container(DOCUMENT, null, undefined);

interface ChunkDocument {
  value: unknown;
  rootOffset: number;
  /** Each mapping and sequence of the value → its offsets (OffsetIndex). */
  byContainer: Records;
}

/** A piece of a document read on its own (readSegments), by the block reader or from events. */
export interface Piece {
  /** Where the whole document starts. */
  documentStart: number;
  /** js-yaml's bound on the piece's nesting, less what the document's levels above the piece take. */
  maxDepth: number;
  /** The offsets of every piece, in one map. */
  byContainer: Map<object, OffsetRecord>;
}

/** js-yaml's offset of an empty scalar's value (there is none). */
const NO_RANGE = -1;

interface Chunk {
  docs: ChunkDocument[];
  /** Aliases used, counted against LIMITS.maxAliases. */
  aliases: number;
}

/**
 * The documents of text[start, end): plain JSON without events; a large document cut at its top-level
 * entries and read piece by piece, each when that gives the same result; plain block YAML without
 * events; any other one whole from js-yaml's events. A large document is cut before the block reader
 * reads it, so that what it cannot read (an anchor on the last line) is read again only in its piece.
 */
function readChunk(
  text: string,
  start: number,
  end: number,
  budget: Budget,
  readers: Readers,
): ChunkDocument[] {
  const json = readers.json ? readJsonDocument(text, start, end, budget, plainScalar) : undefined;
  if (json) return [json];
  const segments = end - start >= readers.cutFrom ? topLevelSegments(text, start, end) : undefined;
  const ahead = readers.chargeAhead !== false;
  if (segments) {
    const cut = readSegments(text, segments, budget, ahead, readers.block);
    if (cut) return [cut];
  } else if (readers.block) {
    const block = readBlockDocument(text, start, end, budget, plainScalar);
    if (block) return [block];
  }
  return parseChunk(text, start, end, budget, ahead).docs;
}

/**
 * One document read piece by piece, exactly as parseChunk reads it whole: the same values, offsets and
 * charges. Undefined when a piece does not read as one entry or one item (an error, an alias of another
 * piece, too many aliases, a limit): the caller then reads the document whole, which decides. The
 * pieces are charged to a fork of the budget, so a failed attempt costs the request nothing.
 */
function readSegments(
  text: string,
  segments: Segment[],
  budget: Budget,
  chargeFirst: boolean,
  block: boolean,
): ChunkDocument | undefined {
  const trial = budget.fork();
  const byContainer = new Map<object, OffsetRecord>();
  const root: Record<string, unknown> = {};
  const rootRecord: Record<string, number> = {};
  let rootOffset = 0;
  let aliases = 0;
  let items: unknown[] = [];
  let itemOffsets: number[] = [];
  try {
    for (const [i, segment] of segments.entries()) {
      const isItem = segment.kind === 'item';
      // An item is one level less deep alone than under its key: js-yaml counts depth from the root.
      const maxDepth = isItem ? LIMITS.maxDepth - 1 : LIMITS.maxDepth;
      const piece = { documentStart: segments[0]?.start ?? segment.start, maxDepth, byContainer };
      const chunk = readPiece(text, segment, trial, chargeFirst, block, piece);
      aliases += chunk.aliases;
      const doc = chunk.docs.length === 1 ? chunk.docs[0] : undefined;
      const record =
        doc && typeof doc.value === 'object' && doc.value !== null ? byContainer.get(doc.value) : undefined;
      if (!doc || !record) return undefined;
      byContainer.delete(doc.value as object);
      if (isItem) {
        if (!Array.isArray(doc.value) || doc.value.length !== 1 || !Array.isArray(record)) return undefined;
        items.push(doc.value[0]);
        itemOffsets.push(record[0] ?? 0);
        continue;
      }
      const keys = isPlainObject(doc.value) ? Object.keys(doc.value) : [];
      const key = keys.length === 1 ? keys[0] : undefined;
      if (key === undefined || Array.isArray(record) || !Object.hasOwn(record, key)) return undefined;
      const value = (doc.value as Record<string, unknown>)[key];
      const offset = record[key] ?? 0;
      if (i === 0) rootOffset = doc.rootOffset;
      if (segment.bare && segments[i + 1]?.kind === 'item') {
        // `key:` then its items: whole, the key's value is the sequence, located at the key.
        if (value !== null) return undefined;
        items = [];
        itemOffsets = [];
        byContainer.set(items, itemOffsets);
        defineKey(root, key, items);
        defineKey(rootRecord, key, offset < 0 ? ~offset : offset);
      } else {
        defineKey(root, key, value);
        defineKey(rootRecord, key, offset);
      }
    }
  } catch {
    return undefined;
  }
  if (aliases > LIMITS.maxAliases) return undefined;
  byContainer.set(root, rootRecord);
  // Each piece charged a root, and a bare key's piece its empty value; read whole, the document has one
  // root mapping, and a sequence where each bare key had its empty value.
  budget.absorb(trial, segments.length - 1);
  return { value: root, rootOffset, byContainer };
}

/** One piece: as plain block YAML when it is (and `block`), else from js-yaml's events. */
function readPiece(
  text: string,
  segment: Segment,
  budget: Budget,
  chargeFirst: boolean,
  block: boolean,
  piece: Piece,
): Chunk {
  const read = block
    ? readBlockDocument(text, segment.start, segment.end, budget, plainScalar, piece)
    : undefined;
  return read
    ? { docs: [read], aliases: 0 }
    : parseChunk(text, segment.start, segment.end, budget, chargeFirst, piece);
}

/**
 * The documents of text[start, end), built from js-yaml's events. Each node is charged to the budget
 * once, when it is made; an alias shares the value it names (never a copy) and is charged its nodes and
 * characters, so a bomb of aliases costs what it would expand to before anything expands it. Offsets are
 * kept per container (OffsetIndex): no pointer string is built while reading. alias-charges.ts makes
 * these same charges in this same order before a document with aliases is built: change both together
 * (test/workers/ingest/alias-charges.test.ts compares them).
 */
function parseChunk(
  text: string,
  start: number,
  end: number,
  budget: Budget,
  chargeFirst: boolean,
  piece?: Piece,
): Chunk {
  const source = text.slice(start, end);
  const events = parseEvents(source, { maxDepth: piece?.maxDepth ?? LIMITS.maxDepth });
  if (chargeFirst && hasAlias(source, events))
    chargeAhead(source, events, budget.fork(), (raw, style, tag) => resolveScalar(raw, style, tag, start));
  const shared = piece?.byContainer;
  // Where an empty scalar or a collection used as a key is located: the start of the document read.
  const origin = piece?.documentStart ?? start;
  const docs: ChunkDocument[] = [];
  const anchors = new Map<string, Anchored>();
  const stack: Container[] = [];
  let byContainer = shared ?? new Map<object, OffsetRecord>();
  let rootOffset = origin;
  let aliases = 0;
  /** > 0 while inside a complex (collection) mapping key: its nodes get no offsets. */
  let keyDepth = 0;

  /** Records where the next node of `top` starts, unless it is a mapping key (~offset marks an alias). */
  const record = (top: Container, offset: number) => {
    if (top.kind === DOCUMENT) {
      rootOffset = offset < 0 ? ~offset : offset;
      return;
    }
    const offsets = top.offsets;
    if (offsets === undefined) return;
    if (top.kind === SEQUENCE) (offsets as number[]).push(offset);
    // A mapping entry is located at its key; an alias keeps its marker.
    else defineKey(offsets as Record<string, number>, top.key, offset < 0 ? ~top.keyOffset : top.keyOffset);
  };

  /** Puts a finished node into its parent; `size` and `bytes` are what it holds, already charged. */
  const place = (
    top: Container,
    value: unknown,
    size: number,
    bytes: number,
    nodeOffset: number,
    isMergeKey: boolean,
  ) => {
    if (top.kind === DOCUMENT) {
      top.value = value;
      return;
    }
    top.size += size;
    top.bytes += bytes;
    if (top.kind === SEQUENCE) {
      (top.value as unknown[]).push(value);
      return;
    }
    if (!top.hasKey) {
      const name = isMergeKey ? '<<' : keyName(value, budget);
      if (typeof value === 'object' && value !== null) top.bytes += name.length;
      top.hasKey = true;
      top.key = name;
      top.keyOffset = nodeOffset;
      return;
    }
    top.hasKey = false;
    if (top.key === '<<' && isMergeSource(value)) (top.merges ??= []).push(value);
    else defineKey(top.value as Record<string, unknown>, top.key, value);
  };

  for (const event of events) {
    // Every event but DOCUMENT comes inside one: the stack is never empty then.
    const top = stack[stack.length - 1] ?? ROOT;
    const isKey = top.kind === MAPPING && !top.hasKey;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        // The chunk was counted when it was split off; a second document in it (after `...`) counts too.
        if (docs.length > 0 || stack.length > 0) budget.spendDocument();
        byContainer = shared ?? new Map<object, OffsetRecord>();
        rootOffset = origin;
        stack.push(container(DOCUMENT, null, undefined));
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        budget.spendNodes(1);
        if (isKey) keyDepth++;
        else if (keyDepth === 0) record(top, start + event.start);
        const sequence = event.type === EVENT_ID.SEQUENCE;
        const value: unknown[] | Record<string, unknown> = sequence ? [] : {};
        let offsets: OffsetRecord | undefined;
        if (keyDepth === 0) {
          // A plain object: records of mappings with the same keys share V8's shape, four times smaller
          // than a prototype-less (dictionary) object. Lookups read own properties only.
          offsets = sequence ? [] : {};
          byContainer.set(value, offsets);
        }
        const anchor = event.anchorStart >= 0 ? source.slice(event.anchorStart, event.anchorEnd) : undefined;
        stack.push(container(sequence ? SEQUENCE : MAPPING, value, offsets, anchor));
        break;
      }
      case EVENT_ID.SCALAR: {
        budget.spendNodes(1);
        const raw = getScalarValue(source, event);
        budget.spendBytes(raw.length);
        const tag = event.tagStart >= 0 ? source.slice(event.tagStart, event.tagEnd) : undefined;
        const offset = event.valueStart === NO_RANGE ? origin - 1 : start + event.valueStart;
        const value = resolveScalar(raw, event.style, tag, offset);
        if (!isKey && keyDepth === 0) record(top, offset);
        if (event.anchorStart >= 0) {
          anchors.set(source.slice(event.anchorStart, event.anchorEnd), {
            value,
            size: 1,
            bytes: raw.length,
          });
        }
        const isMergeKey = isKey && event.style === SCALAR_STYLE.PLAIN && raw === '<<' && tag === undefined;
        place(top, value, 1, raw.length, offset, isMergeKey);
        break;
      }
      case EVENT_ID.ALIAS: {
        const offset = start + event.anchorStart;
        const target = anchors.get(source.slice(event.anchorStart, event.anchorEnd));
        // The alias's name is not quoted: it is upload text, and may be a secret.
        if (!target) throw new DocumentError('an alias (*) names no anchor (&) defined before it', offset);
        if (++aliases > LIMITS.maxAliases) {
          throw new DocumentError(
            `more than ${LIMITS.maxAliases} aliases in one document (limit maxAliases)`,
            offset,
          );
        }
        budget.spendNodes(target.size);
        budget.spendBytes(target.bytes);
        if (!isKey && keyDepth === 0) record(top, ~offset);
        place(top, target.value, target.size, target.bytes, offset, false);
        break;
      }
      case EVENT_ID.POP: {
        const done = stack.pop();
        if (!done) break;
        if (done.kind === DOCUMENT) {
          docs.push({ value: done.value, rootOffset, byContainer });
          break;
        }
        if (done.merges) applyMerges(done.value as Record<string, unknown>, done.merges);
        if (done.anchor) anchors.set(done.anchor, { value: done.value, size: done.size, bytes: done.bytes });
        const parent = stack[stack.length - 1] ?? ROOT;
        if (parent.kind === MAPPING && !parent.hasKey) keyDepth--;
        place(parent, done.value, done.size, done.bytes, origin, false);
        break;
      }
    }
  }
  return { docs, aliases };
}

/**
 * js-yaml's reason without the source it quotes: only the reason is used (its full message shows the
 * source around the error), and the few reasons that quote a token (a tag or tag handle) lose it, since
 * the token may be a secret. Redacted all the same, like everything derived from an upload.
 */
function withoutQuotedSource(reason: string): string {
  const quoted = reason
    .replace(/"[^"]*"/g, 'used')
    .replace(/^(tag name cannot contain such characters):.*$/s, '$1');
  return redact(quoted);
}

export function resolveScalar(raw: string, style: number, tag: string | undefined, offset: number): unknown {
  if (tag === undefined) return style === SCALAR_STYLE.PLAIN ? plainScalar(raw) : raw;
  const tagged = taggedScalar(raw, tag);
  if (!tagged) throw new DocumentError(`value tagged ${tag} cannot be read as that type`, offset);
  return tagged.value;
}

/** A mapping key as the text it becomes; a mapping or sequence used as a key becomes its JSON. */
function keyName(value: unknown, budget: Budget): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : keyJson(value, budget);
}

/**
 * JSON.stringify of a key, charged to the budget piece by piece as it is written: a key made of many
 * aliases of one long string is refused before its text exists, not after.
 */
function keyJson(root: unknown, budget: Budget): string {
  const parts: string[] = [];
  /** `prepaid`: characters charged before the piece was made. */
  const write = (piece: string, prepaid = 0) => {
    budget.spendBytes(piece.length - prepaid);
    parts.push(piece);
  };
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      write('[');
      node.forEach((item, i) => {
        if (i > 0) write(',');
        visit(item);
      });
      write(']');
    } else if (isPlainObject(node)) {
      write('{');
      Object.keys(node).forEach((key, i) => {
        if (i > 0) write(',');
        budget.spendBytes(key.length);
        write(`${JSON.stringify(key)}:`, key.length);
        visit(node[key]);
      });
      write('}');
    } else if (typeof node === 'string') {
      budget.spendBytes(node.length); // before the copy is made
      write(JSON.stringify(node), node.length);
    } else {
      write(JSON.stringify(node)); // a number, a boolean or null: never undefined
    }
  };
  visit(root);
  return parts.join('');
}

function isMergeSource(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => isPlainObject(item));
  return isPlainObject(value);
}

/** YAML merge keys: explicit keys win over merged ones, earlier sources over later ones. */
function applyMerges(target: Record<string, unknown>, merges: unknown[]) {
  for (const merge of merges) {
    for (const source of Array.isArray(merge) ? merge : [merge]) {
      for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
        if (!Object.hasOwn(target, key)) defineKey(target, key, value);
      }
    }
  }
}

/** A scalar as Go's fmt prints it into a string field (`8080`, `true`); undefined for a map, list or null. */
export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
