/**
 * RFC 9457 problem details: every error this API returns. The `type` is a URN naming the problem;
 * `detail` says what to do. Problems never quote the uploaded content.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../schemas/problem';

export type ProblemExtras = Omit<Problem, 'type' | 'title' | 'status' | 'detail' | 'requestId'>;

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
  }
}

export function problemResponse(c: Context, error: ProblemError): Response {
  const body: Problem = {
    type: `urn:kube-comms-lint:problem:${error.slug}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance: new URL(c.req.url).pathname,
    ...error.extras,
  };
  const requestId: unknown = c.get('requestId');
  if (typeof requestId === 'string') body.requestId = requestId;
  return c.body(JSON.stringify(body), error.status, { 'Content-Type': 'application/problem+json' });
}
