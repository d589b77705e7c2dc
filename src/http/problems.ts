/**
 * The problem catalogue: every RFC 9457 problem this API and the form answer, once. A problem's
 * `type` is a URI reference to its entry on the API reference page (`/docs#problem-<slug>`, resolved
 * against the answer's URL as RFC 9457 §3.1.1 says), its `title` and `status` are fixed here, and only
 * `detail` (what to do about this request) varies. The OpenAPI problem responses and the /docs problem
 * list are generated from this table, so neither can name a problem the code does not answer.
 */
export interface ProblemKind {
  status: 400 | 404 | 405 | 413 | 415 | 429 | 500;
  title: string;
  /** When the problem is answered and what to do, for the /docs list. */
  about: string;
}

export const PROBLEMS = {
  'invalid-option': {
    status: 400,
    title: 'Invalid option',
    about:
      'An option (query parameter, multipart field or envelope option) has a value it cannot take; `parameter` names it.',
  },
  'unknown-rule': {
    status: 400,
    title: 'Unknown rule id',
    about:
      '`rules` or `skipRules` names a rule that does not exist; `unknownRules` lists them (GET /v1/rules has every id).',
  },
  'empty-body': {
    status: 400,
    title: 'Empty body',
    about: 'The request has no body: send a file, a multipart upload or the JSON envelope.',
  },
  'no-files': {
    status: 400,
    title: 'Nothing to lint',
    about: 'A multipart upload (or the form) holds no file and no pasted text.',
  },
  'malformed-multipart': {
    status: 400,
    title: 'Malformed multipart body',
    about: 'The multipart/form-data body could not be read: its boundary or parts are broken.',
  },
  'malformed-envelope': {
    status: 400,
    title: 'Malformed JSON envelope',
    about: 'A JSON body with `files` that does not match `{"files": [{"name", "content"}], "options": {}}`.',
  },
  'invalid-file-name': {
    status: 400,
    title: 'File name too long',
    about: "A part's file name (the file's path on the node) is longer than 1024 characters.",
  },
  'no-configuration-recognized': {
    status: 400,
    title: 'No Kubernetes configuration recognized',
    about:
      "None of the files holds a configuration kube-comms-lint reads; `files` gives each file's reason, with the line.",
  },
  'invalid-report': {
    status: 400,
    title: 'No report to download',
    about: "The form's download buttons were used without the report they turn into a file.",
  },
  'rule-not-found': {
    status: 404,
    title: 'Rule not found',
    about: 'GET /v1/rules/{id} with an id no rule has.',
  },
  'not-found': { status: 404, title: 'Not found', about: 'Nothing is served at this path.' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    about: 'A known path asked with another method; the `Allow` header lists the methods it answers.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Request body too large',
    about: 'The body is over maxBodyBytes (5 MiB by default); it is refused before it is read.',
  },
  'limit-exceeded': {
    status: 413,
    title: 'Request over a limit',
    about:
      'The upload is over one of the request limits (files, documents, YAML nodes, characters); `limit` names it.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    about: 'The body is not YAML, JSON, text or multipart/form-data.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    about:
      'This client sent more lint requests than the deployment allows; `Retry-After` says when to retry.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    about:
      'A bug in kube-comms-lint. Report it with the rule ids involved and the requestId, never your files.',
  },
} as const satisfies Record<string, ProblemKind>;

export type ProblemSlug = keyof typeof PROBLEMS;

/** The anchor of a problem's entry on /docs. */
export const problemAnchor = (slug: ProblemSlug) => `problem-${slug}`;

/** A problem's `type`: its entry on the API reference page. */
export const problemType = (slug: ProblemSlug) => `/docs#${problemAnchor(slug)}`;
