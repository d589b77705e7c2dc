/** GET /v1/paths: the five communication paths and the rules that judge each (described in ./description/paths.ts). */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { PATHS } from '../catalogue/paths';
import { RULE_CATALOGUE } from '../lint';

export function registerPaths(app: Hono<AppEnv>) {
  app.get('/v1/paths', (c) =>
    c.json(
      {
        paths: PATHS.map((path) => ({
          ...path,
          rules: RULE_CATALOGUE.filter((rule) => rule.paths.includes(path.id)).map((rule) => rule.id),
        })),
      },
      200,
    ),
  );
}
