/** GET /healthz: liveness, with the versions a deployment check wants to see (described in ./description/health.ts). */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { RULESET_VERSION } from '../lint';
import { TOOL_VERSION } from '../catalogue/tool';

export function registerHealth(app: Hono<AppEnv>) {
  app.get('/healthz', (c) =>
    c.json({ status: 'ok' as const, version: TOOL_VERSION, rulesetVersion: RULESET_VERSION }, 200),
  );
}
