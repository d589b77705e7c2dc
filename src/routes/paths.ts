/** GET /v1/paths: the five communication paths and the rules that judge each. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { PATHS } from '../catalogue/paths';
import { RULE_CATALOGUE } from '../lint';
import { PathList } from '../schemas/rule';
import { CACHED_HEADERS, GET, problemResponses } from './common';

const listPaths = createRoute({
  method: 'get',
  path: '/v1/paths',
  operationId: 'listPaths',
  summary: 'List the communication paths',
  description:
    'The five paths of the Kubernetes docs page, what each needs uploaded, and the rules that judge it.',
  responses: {
    200: {
      description: 'The paths',
      headers: CACHED_HEADERS,
      content: { 'application/json': { schema: PathList } },
    },
    ...problemResponses('/v1/paths', GET, []),
  },
});

export function registerPaths(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPaths, (c) =>
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
