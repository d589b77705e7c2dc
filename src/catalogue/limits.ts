/**
 * Limits that keep one request bounded in time and memory. Each is named in the error a user gets when
 * an upload exceeds it (the problem's `limit` field), so the names are part of the API. The counting
 * ones are drawn on by every parse of a request together (src/ingest/budget.ts).
 */
export const LIMITS = {
  /** Largest request body in bytes (413 above it). The Worker's MAX_BODY_BYTES variable overrides it. */
  maxBodyBytes: 5 * 1024 * 1024,
  /** Files in one request (multipart parts, envelope files). */
  maxFiles: 200,
  /**
   * Documents across one request: YAML documents, List items and documents embedded in others (413 above
   * it). `kubectl get -o yaml` of the smallest objects (RoleBindings, ~450 bytes each) up to the body
   * limit is about 12,000 items.
   */
  maxDocuments: 20_000,
  /** Collection nesting depth of one YAML/JSON document. */
  maxDepth: 64,
  /** Aliases (`*ref`) in one document. Kubernetes configs almost never use any. */
  maxAliases: 100,
  /**
   * YAML nodes of one request, each counted once, an alias as the nodes it stands for: stops "billion
   * laughs" bombs. A 5 MiB `kubectl get pods -o yaml` has about 400,000.
   */
  maxExpandedNodes: 1_000_000,
  /**
   * Characters of the strings and keys one request materialises, counted as they are made: an alias as
   * the characters it stands for, a mapping or sequence used as a key as its text, embedded documents
   * again. A real upload makes at most about twice its size.
   */
  maxMaterializedBytes: 16 * 1024 * 1024,
  /** Answer size: findings (and suppressed findings) of one rule shown in full; the rest are counted. */
  maxFindingsPerRule: 100,
  /** Answer size: characters of a finding's message or evidence; a longer one says how much was cut. */
  maxQuotedChars: 2000,
  /**
   * Certificates in one request (PEM blocks and kubeconfig `*-data` certificates together). Reading one
   * costs about half a millisecond of CPU; a kubeadm node holds about twenty.
   */
  maxCertificates: 100,
  /**
   * Words of the components' command lines in one request (flags and their values, from pod specs,
   * units, flags files and the distributions' configs), each command line counted once however often it
   * is read. Each word becomes a flag with its place in the upload, about 400 bytes once judged; a
   * kubeadm control plane has about 150 words, a 5 MiB pod of one-letter flags 290,000 (150 MB).
   */
  maxCommandLineWords: 50_000,
} as const;

export type LimitName = keyof typeof LIMITS;
