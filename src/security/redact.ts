/**
 * Uploads may hold private keys, tokens and passwords. Everything a finding quotes, and everything else
 * the report derives from an upload (src/security/redact-report.ts), passes through here before it
 * leaves the Worker, so a secret is never echoed back even if a rule quotes carelessly. It must not hide
 * what a user needs to act on either: flag names, booleans, numbers and file paths stay.
 *
 * Every pattern runs in time linear in the text (a quote can be megabytes long): see replaceJwts for the
 * one a regular expression could not do.
 */
import { LIMITS } from '../catalogue/limits';

const PEM = /-----BEGIN [A-Z0-9 ]*-----[\s\S]*?(-----END [A-Z0-9 ]*-----|$)/g; // keys and certificates
const BOOTSTRAP_TOKEN = /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g; // kubeadm bootstrap tokens

/**
 * The user and password of a URL (`https://admin:PASSWORD@host`, a kubeconfig `server`, an egress
 * selector `tcp.url`): everything between `//` and the last `@` of the authority. The scheme is at most
 * 32 characters, so a long dotted word cannot make the search quadratic.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#]*@/gi;

/** Long base64 (`*-data` fields, encoded keys), told apart from long paths by its mixed alphabet. */
const BASE64_RUN = /\b[A-Za-z0-9+/]{40,}={0,2}/g;

/**
 * `token: x`, `--token=x`, `password: x`, `client-key-data: x`: the value of a setting whose name ends
 * in a secret word (so `--token-auth-file` and `--enable-bootstrap-token-auth` are not secrets).
 */
const SECRET_ASSIGNMENT =
  /((?:^|[\s"'{,(])-{0,2}[\w-]*?(?:token|password|passwd|secret|client-key-data|client-key|private-key|bearer|api-key|apikey)["']?\s*[:=]\s*["']?)([^\s"',;})]+)/gi;
/** A text without one of these words holds no secret assignment: the costly pattern is skipped. */
const SECRET_WORD = /token|passw|secret|client-key|private-key|bearer|api-?key/i;

/** Values that cannot be secrets: booleans, numbers and file paths. */
const HARMLESS_VALUE = /^(true|false|yes|no|null|\d+|\.{0,2}\/.*)$/i;

export function redact(text: string): string {
  let result = text;
  // Each pattern runs only when the text holds what it needs: most texts hold none, and this is hot.
  if (SECRET_WORD.test(result)) {
    result = result.replace(SECRET_ASSIGNMENT, (whole, name: string, value: string) =>
      HARMLESS_VALUE.test(value) ? whole : `${name}[redacted]`,
    );
  }
  if (result.includes('://') && result.includes('@')) result = result.replace(URL_USERINFO, '$1[redacted]@');
  if (result.includes('-----BEGIN')) result = result.replace(PEM, '[redacted]');
  if (result.includes('eyJ')) result = replaceJwts(result);
  if (mayHoldBootstrapToken(result)) result = result.replace(BOOTSTRAP_TOKEN, '[redacted]');
  if (result.length >= 40 && hasBase64Run(result)) {
    result = result.replace(BASE64_RUN, (run) => (looksLikeBase64(run) ? '[redacted]' : run));
  }
  return result;
}

/*
 * The two checks below are what the patterns need, without their word boundaries: a scan is 3-5x
 * cheaper than the expression over the prose of findings, which almost never holds either. Each must
 * hold for every text its pattern matches (test/workers/security/redact.test.ts).
 */

/** [a-z0-9]{6}.[a-z0-9]{16} somewhere: what BOOTSTRAP_TOKEN can match. */
export function mayHoldBootstrapToken(text: string): boolean {
  for (let dot = text.indexOf('.', 6); dot >= 0 && dot + 16 < text.length; dot = text.indexOf('.', dot + 1)) {
    let token = true;
    for (let i = dot - 6; i <= dot + 16 && token; i++) token = i === dot || isLowerAlnum(text.charCodeAt(i));
    if (token) return true;
  }
  return false;
}

/** 40 or more base64 characters in a row: what BASE64_RUN can match. */
export function hasBase64Run(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLowerAlnum(code) || (code >= 65 && code <= 90) || code === 43 || code === 47) {
      if (++run >= 40) return true;
    } else run = 0;
  }
  return false;
}

function isLowerAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * `redactText`, answering each distinct text once: a report repeats file names, pointers, reasons and
 * subjects. The texts are kept only as long as the function returned.
 */
export function once(redactText: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let done = seen.get(text);
    if (done === undefined) {
      done = redactText(text);
      seen.set(text, done);
    }
    return done;
  };
}

/**
 * A quote of the upload in an answer (a finding's message or evidence, a document's kind or note, a
 * parse error), redacted and at most LIMITS.maxQuotedChars characters long: a longer one is cut there,
 * saying so, never silently. Only the head (and a margin, so a secret across the cut is recognised
 * whole) is read, so a quote costs the same whatever the upload holds.
 */
export function redactQuote(text: string): string {
  if (text.length <= LIMITS.maxQuotedChars) return redact(text);
  const head = redact(text.slice(0, LIMITS.maxQuotedChars + QUOTE_MARGIN)).slice(0, LIMITS.maxQuotedChars);
  return `${head}… [cut: ${text.length} characters, at most ${LIMITS.maxQuotedChars} are shown]`;
}

const QUOTE_MARGIN = 2048;

/**
 * JWTs (service-account and OIDC tokens): what /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*\/g replaces, in one
 * pass. The expression retries from every `eyJ` after a `-` and rescans to the end of the run each
 * time, quadratic on `eyJ-eyJ-eyJ-…`. A match lies in one run of [\w.-] characters: among the run's
 * dot-separated parts, it starts at the first `eyJ` of a part that begins the part or follows a `-` (a
 * word boundary), with at least 4 more characters, then takes the next part (4 or more characters) and
 * all of the one after it.
 */
function replaceJwts(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('eyJ'); at >= 0; at = text.indexOf('eyJ', copied)) {
    let start = at;
    while (start > copied && isRunChar(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && isRunChar(text.charCodeAt(end))) end++;
    out += text.slice(copied, start) + redactRun(text.slice(start, end));
    copied = end;
  }
  return out + text.slice(copied);
}

/** [A-Za-z0-9_.-]: the characters of a run that may hold a JWT. */
function isRunChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}

function redactRun(run: string): string {
  const parts = run.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const start = firstBoundaryJwtStart(part);
    const next = parts[i + 1];
    if (
      start >= 0 &&
      part.length - start >= 7 &&
      next !== undefined &&
      next.length >= 4 &&
      i + 2 < parts.length
    ) {
      out.push(`${part.slice(0, start)}[redacted]`);
      i += 2;
    } else out.push(part);
  }
  return out.join('.');
}

/** Where the first `eyJ` at a word boundary starts in a part of [\w-] characters, or -1. */
function firstBoundaryJwtStart(part: string): number {
  if (part.startsWith('eyJ')) return 0;
  const after = part.indexOf('-eyJ');
  return after < 0 ? -1 : after + 1;
}

function looksLikeBase64(run: string): boolean {
  const slashes = run.split('/').length - 1;
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run) && slashes <= run.length / 16;
}
