/**
 * RFC 9457 problem details: every error this API returns, of a kind from the problem catalogue
 * (./problems.ts), which fixes its type, title and status; `detail` says what to do about this request.
 * Problems never quote the uploaded content.
 */
import type { Context } from 'hono';
import type { Problem } from '../schemas/problem';
import { PROBLEMS, problemType, type ProblemSlug } from './problems';

export type ProblemExtras = Omit<Problem, 'type' | 'title' | 'status' | 'detail' | 'requestId'>;

export class ProblemError extends Error {
  readonly status: (typeof PROBLEMS)[ProblemSlug]['status'];
  readonly title: string;

  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
    this.status = PROBLEMS[slug].status;
    this.title = PROBLEMS[slug].title;
  }
}

/** The problem+json body of an error, as answered at `instance`. */
export function problemBody(error: ProblemError, instance: string): Problem {
  return {
    type: problemType(error.slug),
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
    ...error.extras,
  };
}

export function problemResponse(c: Context, error: ProblemError): Response {
  const body = problemBody(error, new URL(c.req.url).pathname);
  const requestId: unknown = c.get('requestId');
  if (typeof requestId === 'string') body.requestId = requestId;
  return c.body(JSON.stringify(body), error.status, { 'Content-Type': 'application/problem+json' });
}
