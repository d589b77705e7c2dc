import type { RequestIdVariables } from 'hono/request-id';
import { LIMITS } from '../catalogue/limits';

/**
 * The Workers Rate Limiting binding, as its runtime API defines it (workers-types' `RateLimit`; spelled
 * out so the scripts, which compile src/ without the Workers types, see it too).
 */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * The Worker's bindings: variables (wrangler.toml [vars]) and, in the production environment only, the
 * Rate Limiting binding. Nothing is stored anywhere.
 */
export interface AppBindings {
  MAX_BODY_BYTES?: string;
  /** Workers Rate Limiting (`[[env.production.ratelimits]]`); absent in `wrangler dev` and the tests. */
  LINT_RATE_LIMITER?: RateLimiter;
  /** The limiter's period in seconds (its `simple.period`), sent as Retry-After when a client is over it. */
  RATE_LIMIT_PERIOD?: string;
  /** `drain` under `wrangler dev`, whose proxy fails after a cancelled body (read-body.ts); unset: cancel. */
  REFUSED_BODIES?: string;
}
export interface AppEnv {
  Bindings: AppBindings;
  Variables: RequestIdVariables;
}

export function maxBodyBytes(env: AppBindings | undefined): number {
  const configured = Number(env?.MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : LIMITS.maxBodyBytes;
}
