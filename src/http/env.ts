import type { RequestIdVariables } from 'hono/request-id';
import { LIMITS } from '../catalogue/limits';

/** The Worker's bindings: only variables (wrangler.toml [vars]); nothing is stored anywhere. */
export interface AppBindings {
  MAX_BODY_BYTES?: string;
}
export interface AppEnv {
  Bindings: AppBindings;
  Variables: RequestIdVariables;
}

export function maxBodyBytes(env: AppBindings | undefined): number {
  const configured = Number(env?.MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : LIMITS.maxBodyBytes;
}
