/**
 * Per-client rate limiting for the endpoints that lint (OWASP API4: unrestricted resource consumption),
 * with the Workers Rate Limiting binding: each client, by the address Cloudflare saw
 * (CF-Connecting-IP), gets `simple.limit` requests per `simple.period` seconds. Over it, the answer is
 * 429 problem+json with Retry-After, and the body is never read. Without the binding (`wrangler dev`,
 * the default environment) nothing is limited.
 * @see https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppBindings, AppEnv } from './env';
import { ProblemError, problemResponse } from './problem';
import { discardBody } from './read-body';

/** The binding's period when RATE_LIMIT_PERIOD does not say (Cloudflare allows 10 or 60 seconds). */
const DEFAULT_PERIOD_SECONDS = 60;

export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    // app.request() without bindings (tests, the CLI's way in) has no env at all.
    const limiter = (c.env as AppBindings | undefined)?.LINT_RATE_LIMITER;
    if (!limiter) return next();
    // Behind Cloudflare the header is always set; a request without it shares one bucket.
    const client = c.req.header('cf-connecting-ip') ?? 'unknown-client';
    const { success } = await limiter.limit({ key: client });
    if (success) return next();
    await discardBody(c.req.raw, c.env);
    const period = Number(c.env.RATE_LIMIT_PERIOD);
    const retryAfter = Number.isInteger(period) && period > 0 ? period : DEFAULT_PERIOD_SECONDS;
    const response = problemResponse(c, rateLimited(retryAfter));
    response.headers.set('Retry-After', String(retryAfter));
    return response;
  };
}

/** The 429 problem, for a client to retry after `seconds`. */
export function rateLimited(seconds: number): ProblemError {
  return new ProblemError(
    'rate-limited',
    `This client sent more lint requests than this deployment allows per ${seconds} seconds. Retry after ${seconds} seconds, or lint more files per request.`,
    { limit: 'rateLimit' },
  );
}
