/**
 * Limits that keep one request bounded in time and memory. Each is named in the error a user gets when
 * an upload exceeds it, so the names are part of the API.
 */
export const LIMITS = {
  /** Largest request body in bytes (413 above it). The Worker's MAX_BODY_BYTES variable overrides it. */
  maxBodyBytes: 5 * 1024 * 1024,
  /** Files in one request. */
  maxFiles: 200,
  /** YAML documents across all files of one request (413 above it). */
  maxDocuments: 2000,
  /** Collection nesting depth of one YAML/JSON document. */
  maxDepth: 64,
  /** Aliases (`*ref`) in one document. Kubernetes configs almost never use any. */
  maxAliases: 100,
  /** Nodes of one file once aliases are expanded: stops "billion laughs" bombs. */
  maxExpandedNodes: 500_000,
} as const;

export type LimitName = keyof typeof LIMITS;
