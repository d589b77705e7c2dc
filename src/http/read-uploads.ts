/**
 * Turns a POST /v1/lint request into uploads and options, whatever form it came in: a raw YAML/JSON/
 * text body, multipart/form-data (one part per file, its filename the path on the node), or the JSON
 * envelope. Every way it can be wrong is a ProblemError with a status from DESIGN.md.
 */
import type { z } from 'zod';
import { LIMITS } from '../catalogue/limits';
import { findRuleInfo, ruleIdList, type Upload } from '../lint';
import { LintEnvelope, LintOptionsInput } from '../schemas/lint-request';
import { countOccurrences } from './byte-search';
import { ProblemError } from './problem';

export interface LintRequest {
  uploads: Upload[];
  options: LintOptionsInput;
}

const RAW_TYPES = new Set([
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
  'application/octet-stream',
]);

export function parseOptions(input: Record<string, unknown>): LintOptionsInput {
  const parsed = LintOptionsInput.safeParse(input);
  if (!parsed.success) throw invalidOption(parsed.error);
  for (const parameter of ['rules', 'skipRules'] as const) {
    const unknownRules = ruleIdList(parsed.data[parameter]).filter((id) => !findRuleInfo(id));
    if (unknownRules.length > 0) {
      throw new ProblemError(
        'unknown-rule',
        `Option ${parameter}: no rule has the id ${unknownRules.join(', ')}. GET /v1/rules lists them.`,
        { parameter, unknownRules },
      );
    }
  }
  return parsed.data;
}

export async function readUploads(
  contentType: string | undefined,
  body: Uint8Array,
  query: Record<string, string>,
): Promise<LintRequest> {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType && mediaType === 'multipart/form-data') return readMultipart(contentType, body, query);
  if (body.byteLength === 0) throw emptyBody();
  if (mediaType === 'application/json') {
    const envelope = readEnvelope(body, query);
    if (envelope) return envelope;
  } else if (mediaType === 'application/x-www-form-urlencoded') {
    throw new ProblemError(
      'unsupported-media-type',
      "application/x-www-form-urlencoded is not a configuration format. curl --data-binary sends it by default: add -H 'Content-Type: application/yaml', or upload files with -F file=@PATH.",
    );
  } else if (mediaType !== '' && !RAW_TYPES.has(mediaType)) {
    throw unsupportedMediaType(mediaType);
  }
  const options = parseOptions(query);
  const name = options.filename ?? (mediaType === 'application/json' ? 'body.json' : 'body.yaml');
  return { uploads: [{ name, content: body }], options };
}

/**
 * Parts a multipart body holds, counted on its bytes before FormData builds them: a body of tens of
 * thousands of tiny parts is refused before it costs anything. Fields besides files (the options) get
 * a small allowance. Throws the maxFiles problem; a body whose boundary cannot be read is left to FormData to refuse.
 */
export function checkPartCount(contentType: string, body: Uint8Array): void {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = new TextEncoder().encode(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  if (delimiter.length <= 2) return;
  const allowed = LIMITS.maxFiles + OPTION_FIELDS;
  // The last delimiter (`--boundary--`) closes the body; every other one opens a part.
  if (countOccurrences(body, delimiter, allowed + 1) > allowed + 1)
    throw tooManyFiles(`more than ${allowed} parts`);
}

/** A part's file name (the file's path on the node), as long as the envelope's and `filename` allow. */
export function partName(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  throw new ProblemError(
    'invalid-file-name',
    `A part's file name has ${name.length} characters; at most ${MAX_NAME_LENGTH} are accepted: it is the file's path on the node.`,
  );
}

const MAX_NAME_LENGTH = 1024;

/** Fields a multipart upload may carry besides its files: the options and the form's pasted text. */
const OPTION_FIELDS = 16;

export function tooManyFiles(count: string): ProblemError {
  return new ProblemError(
    'limit-exceeded',
    `The request has ${count}; at most ${LIMITS.maxFiles} files are accepted (limit maxFiles).`,
    { limit: 'maxFiles' },
  );
}

/**
 * The one multipart reader, for POST /v1/lint and the form: every part with a file is an upload named by
 * its filename (the path on the node), a `content` (or text `file`) field is pasted text, and the other
 * fields are options. A browser form sends its empty inputs too: an empty file input and an empty field
 * mean "not given".
 */
export async function readMultipart(
  contentType: string,
  body: Uint8Array,
  query: Record<string, string>,
): Promise<LintRequest> {
  checkPartCount(contentType, body);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw new ProblemError(
      'malformed-multipart',
      'The multipart/form-data body could not be read: check its boundary and parts, or send it again.',
    );
  }
  const uploads: Upload[] = [];
  // A Map: the field names are the client's, so they are looked up as data, never as properties.
  const fields = new Map(Object.entries(query));
  let pasted = 0;
  for (const [field, entry] of form.entries()) {
    const value = entry as unknown as File | string; // workers-types declares string values only
    if (typeof value !== 'string') {
      const bytes = new Uint8Array(await value.arrayBuffer());
      if (bytes.byteLength === 0 && !value.name) continue;
      uploads.push({ name: partName(value.name || field), content: bytes });
    } else if (field === 'content' || field === 'file') {
      if (value.trim() !== '') uploads.push({ name: `pasted-${++pasted}.yaml`, content: value });
    } else if (value.trim() !== '') {
      fields.set(field, value.trim());
    }
  }
  if (uploads.length === 0) {
    throw new ProblemError(
      'no-files',
      'Nothing to lint. Choose one or more configuration files, drop them on the page or paste a configuration; with curl, send each file as a part named "file" (-F file=@PATH).',
    );
  }
  return { uploads, options: parseOptions(Object.fromEntries(fields)) };
}

/** The JSON envelope `{files, options}`; undefined when the JSON body is a configuration itself. */
function readEnvelope(body: Uint8Array, query: Record<string, string>): LintRequest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined; // linted as a file, so the user gets the line and column of the syntax error
  }
  if (!json || typeof json !== 'object' || !('files' in json) || 'kind' in json || 'apiVersion' in json)
    return undefined;
  // Counted before the schema walks every entry.
  if (Array.isArray(json.files) && json.files.length > LIMITS.maxFiles) {
    throw tooManyFiles(`${json.files.length} files`);
  }
  const parsed = LintEnvelope.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProblemError(
      'malformed-envelope',
      `The JSON envelope is invalid at ${issue ? `/${issue.path.join('/')}: ${issue.message}` : 'its root'}. Expected {"files": [{"name", "content"}], "options": {...}}.`,
    );
  }
  const options = parseOptions({ ...query, ...(parsed.data.options ?? {}) });
  return { uploads: parsed.data.files.map((file) => ({ name: file.name, content: file.content })), options };
}

export function invalidOption(error: z.ZodError): ProblemError {
  const issue = error.issues[0];
  const parameter = issue ? String(issue.path[0] ?? '') : '';
  return new ProblemError('invalid-option', `Option ${parameter}: ${issue?.message ?? 'invalid value'}.`, {
    parameter,
  });
}

export function emptyBody(): ProblemError {
  return new ProblemError(
    'empty-body',
    'The request body is empty: send a configuration file (application/yaml), a multipart upload or the JSON envelope.',
  );
}

export function unsupportedMediaType(mediaType: string): ProblemError {
  return new ProblemError(
    'unsupported-media-type',
    `${mediaType} is not accepted. Send application/yaml, application/json, text/plain or multipart/form-data.`,
  );
}
