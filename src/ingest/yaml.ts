/**
 * Reads YAML (and JSON, which YAML contains) the way Kubernetes' own decoder does, and remembers where
 * every value was written.
 *
 * Kubernetes decodes manifests with sigs.k8s.io/yaml on top of go-yaml v2, a YAML 1.1 parser: `yes`,
 * `on`, `off` are booleans, `0777` is octal, merge keys work, but timestamps stay strings. js-yaml's
 * YAML 1.1 schema matches that once the timestamp tag is dropped. js-yaml 5 exposes a flat event stream
 * with source offsets, from which we build both the value and a JSON-pointer → offset map.
 *
 * A stream is split at `---` lines first, so one broken document does not hide its neighbours.
 */
import {
  EVENT_ID,
  NOT_RESOLVED,
  SCALAR_STYLE,
  Schema,
  YAML11_SCHEMA,
  YAMLException,
  getScalarValue,
  parseEvents,
} from 'js-yaml';
import { LIMITS } from '../catalogue/limits';
import { LineIndex, childPointer } from './positions';

/** Like Kubernetes: YAML 1.1 scalars, but a timestamp-looking value stays a string. */
const KUBERNETES_YAML_SCHEMA = new Schema(
  YAML11_SCHEMA.tags.filter((tag) => tag.tagName !== 'tag:yaml.org,2002:timestamp'),
);
const TAG_PREFIX = 'tag:yaml.org,2002:';

export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  value: unknown;
  /** JSON pointer → character offset in the file (for a mapping entry, the offset of its key). */
  offsets: Map<string, number>;
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

/** Raised for a limit breach inside one document; carries the offset where it was noticed. */
class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseYamlStream(text: string): ParsedStream {
  const lines = new LineIndex(text);
  const documents: ParsedDocument[] = [];
  const errors: ParseError[] = [];
  for (const chunk of splitDocuments(text)) {
    try {
      for (const doc of parseChunk(text, chunk.start, chunk.end)) {
        documents.push({ ...doc, index: documents.length });
      }
    } catch (error) {
      // JSON that YAML rejects (tab indentation) is still JSON; a limit breach is not retried.
      const json = isLimit(error) ? undefined : tryJson(text.slice(chunk.start, chunk.end));
      if (json !== undefined) {
        documents.push({ index: documents.length, value: json, offsets: new Map([['', chunk.start]]) });
        continue;
      }
      errors.push(describeError(error, chunk, text, lines));
    }
  }
  return { documents, errors, lines };
}

/** Chunks of the text between `---` document markers at the start of a line. */
function splitDocuments(text: string): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match.index > start && text.slice(start, match.index).trim() !== '') {
      chunks.push({ start, end: match.index });
    }
    start = match.index;
  }
  chunks.push({ start, end: text.length });
  return chunks;
}

function isLimit(error: unknown): boolean {
  return (
    error instanceof LimitExceeded || (error instanceof YAMLException && error.reason.includes('maxDepth'))
  );
}

function tryJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return depthWithin(value, LIMITS.maxDepth) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Iterative, so a deep value cannot overflow the stack while it is measured. */
function depthWithin(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, depth] = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) return false;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}

function describeError(
  error: unknown,
  chunk: { start: number; end: number },
  text: string,
  lines: LineIndex,
): ParseError {
  if (error instanceof LimitExceeded) {
    return { message: error.message, ...lines.locate(error.offset) };
  }
  if (error instanceof YAMLException) {
    // Only the reason: js-yaml's full message quotes the source, which may hold a secret.
    // An error at the very end of a chunk belongs to its last line, not to the next `---`.
    const offset = Math.min(chunk.start + (error.mark?.position ?? 0), Math.max(chunk.start, chunk.end - 1));
    const reason = error.reason.includes('maxDepth')
      ? `nesting deeper than ${LIMITS.maxDepth} levels (limit maxDepth)`
      : error.reason;
    return { message: `YAML syntax error: ${reason}`, ...lines.locate(Math.min(offset, text.length)) };
  }
  return { message: 'could not read this document as YAML or JSON', ...lines.locate(chunk.start) };
}

type Container =
  | { kind: 'document'; value: unknown }
  | { kind: 'sequence'; value: unknown[]; pointer: string; anchor: string | undefined; size: number }
  | {
      kind: 'mapping';
      value: Record<string, unknown>;
      pointer: string;
      anchor: string | undefined;
      size: number;
      key: { name: string; offset: number } | undefined;
      merges: unknown[];
    };

interface ChunkDocument {
  value: unknown;
  offsets: Map<string, number>;
}

function parseChunk(text: string, start: number, end: number): ChunkDocument[] {
  const source = text.slice(start, end);
  const events = parseEvents(source, { maxDepth: LIMITS.maxDepth });
  const docs: ChunkDocument[] = [];
  const anchors = new Map<string, { value: unknown; size: number }>();
  const stack: Container[] = [];
  let offsets = new Map<string, number>();
  let aliases = 0;
  let expanded = 0;
  let keyDepth = 0;

  const slice = (from: number, to: number) => (from >= 0 ? source.slice(from, to) : undefined);

  /** The pointer the next node gets, and whether it is a mapping key. */
  const nextSlot = (): { pointer: string; isKey: boolean; keyOffset: number | undefined } => {
    const top = stack[stack.length - 1];
    if (!top || top.kind === 'document') return { pointer: '', isKey: false, keyOffset: undefined };
    if (top.kind === 'sequence') {
      return { pointer: childPointer(top.pointer, top.value.length), isKey: false, keyOffset: undefined };
    }
    if (!top.key) return { pointer: '', isKey: true, keyOffset: undefined };
    return { pointer: childPointer(top.pointer, top.key.name), isKey: false, keyOffset: top.key.offset };
  };

  const place = (value: unknown, size: number, nodeOffset: number, isMergeKey = false) => {
    const top = stack[stack.length - 1];
    expanded += size;
    if (expanded > LIMITS.maxExpandedNodes) {
      throw new LimitExceeded(
        `more than ${LIMITS.maxExpandedNodes} nodes once aliases are expanded (limit maxExpandedNodes)`,
        nodeOffset,
      );
    }
    if (!top) return;
    if (top.kind === 'document') {
      top.value = value;
      return;
    }
    top.size += size;
    if (top.kind === 'sequence') {
      top.value.push(value);
      return;
    }
    if (!top.key) {
      top.key = { name: isMergeKey ? '<<' : keyName(value), offset: nodeOffset };
      return;
    }
    if (top.key.name === '<<' && isMergeSource(value)) top.merges.push(value);
    else defineKey(top.value, top.key.name, value);
    top.key = undefined;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        offsets = new Map();
        stack.push({ kind: 'document', value: null });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const slot = nextSlot();
        if (slot.isKey) keyDepth++;
        else if (keyDepth === 0) offsets.set(slot.pointer, slot.keyOffset ?? start + event.start);
        const anchor = slice(event.anchorStart, event.anchorEnd);
        stack.push(
          event.type === EVENT_ID.SEQUENCE
            ? { kind: 'sequence', value: [], pointer: slot.pointer, anchor, size: 1 }
            : {
                kind: 'mapping',
                value: {},
                pointer: slot.pointer,
                anchor,
                size: 1,
                key: undefined,
                merges: [],
              },
        );
        break;
      }
      case EVENT_ID.SCALAR: {
        const slot = nextSlot();
        const raw = getScalarValue(source, event);
        const tag = slice(event.tagStart, event.tagEnd);
        const value = resolveScalar(raw, event.style, tag, event.valueStart + start);
        if (!slot.isKey && keyDepth === 0)
          offsets.set(slot.pointer, slot.keyOffset ?? start + event.valueStart);
        const anchor = slice(event.anchorStart, event.anchorEnd);
        if (anchor) anchors.set(anchor, { value, size: 1 });
        const isMergeKey = slot.isKey && event.style === SCALAR_STYLE.PLAIN && raw === '<<' && !tag;
        place(value, 1, start + event.valueStart, isMergeKey);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = source.slice(event.anchorStart, event.anchorEnd);
        const target = anchors.get(name);
        if (!target) throw new LimitExceeded(`unknown alias *${name}`, start + event.anchorStart);
        if (++aliases > LIMITS.maxAliases) {
          throw new LimitExceeded(
            `more than ${LIMITS.maxAliases} aliases in one document (limit maxAliases)`,
            start + event.anchorStart,
          );
        }
        const slot = nextSlot();
        if (!slot.isKey && keyDepth === 0)
          offsets.set(slot.pointer, slot.keyOffset ?? start + event.anchorStart);
        place(target.value, target.size, start + event.anchorStart);
        break;
      }
      case EVENT_ID.POP: {
        const done = stack.pop();
        if (!done) break;
        if (done.kind === 'document') {
          docs.push({ value: done.value, offsets });
          break;
        }
        if (done.kind === 'mapping') applyMerges(done.value, done.merges);
        if (done.anchor) anchors.set(done.anchor, { value: done.value, size: done.size });
        const parent = stack[stack.length - 1];
        const wasKey = parent?.kind === 'mapping' && !parent.key;
        if (wasKey) keyDepth--;
        place(done.value, done.size, start);
        break;
      }
    }
  }
  return docs;
}

function resolveScalar(raw: string, style: number, tag: string | undefined, offset: number): unknown {
  if (tag === undefined) {
    if (style !== SCALAR_STYLE.PLAIN) return raw;
    const resolved = KUBERNETES_YAML_SCHEMA.resolveImplicitScalarTag(raw);
    return resolved.value;
  }
  if (tag === '!' || tag === '!!str') return raw;
  const full = tag.startsWith('!!') ? TAG_PREFIX + tag.slice(2) : tag;
  const definition = KUBERNETES_YAML_SCHEMA.lookupScalarTag(full);
  if (!definition) return raw; // custom tags (`!Ref`) carry no meaning for Kubernetes: keep the text
  const value = definition.resolve(raw, true, full);
  if (value === NOT_RESOLVED) throw new LimitExceeded(`value ${tag} cannot be read as that type`, offset);
  return value;
}

function keyName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : JSON.stringify(value);
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown) {
  // defineProperty so a `__proto__` key is an ordinary key, never the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
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
