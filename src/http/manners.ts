/**
 * What integrators expect of every answer: CORS for browser callers, an X-Request-Id (a valid incoming
 * one echoed, else a new one) to quote in a support request, Cache-Control (the catalogue and the API
 * description change only with a deployment; lint answers are private and never cached), and
 * nosniff. Applied once in createApp(), so errors and 404s get them too.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './env';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Read-only answers: cacheable for an hour by anyone, then served stale while revalidating. */
export const CACHE_READ_ONLY = 'public, max-age=3600, stale-while-revalidate=86400';

export const withRequestId = (): MiddlewareHandler<AppEnv> =>
  // Up to 128 characters of [A-Za-z0-9_=-]: anything else (or nothing) gets a fresh UUID.
  requestId({ headerName: REQUEST_ID_HEADER, limitLength: 128 });

export const withCors = (): MiddlewareHandler<AppEnv> =>
  cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept', REQUEST_ID_HEADER],
    exposeHeaders: [REQUEST_ID_HEADER],
    maxAge: 86400,
  });

/** Successful answers get `value`; everything else (errors, lint reports) is `no-store`. */
export function cacheControl(value: string): MiddlewareHandler<AppEnv> {
  return async function cacheControl(c, next) {
    await next();
    c.res.headers.set('Cache-Control', c.res.ok ? value : 'no-store');
  };
}

export function baseHeaders(): MiddlewareHandler<AppEnv> {
  return async function baseHeaders(c, next) {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  };
}
