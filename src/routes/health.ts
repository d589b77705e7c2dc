/** GET /healthz: liveness, with the versions a deployment check wants to see. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { RULESET_VERSION } from '../lint';
import { TOOL_VERSION } from '../catalogue/tool';
import { GET, HEADERS, problemResponses } from './common';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'Liveness',
  responses: {
    200: {
      description: 'The service is up',
      headers: HEADERS,
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), version: z.string(), rulesetVersion: z.string() }),
          example: { status: 'ok', version: TOOL_VERSION, rulesetVersion: RULESET_VERSION },
        },
      },
    },
    ...problemResponses('/healthz', GET, []),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(health, (c) =>
    c.json({ status: 'ok' as const, version: TOOL_VERSION, rulesetVersion: RULESET_VERSION }, 200),
  );
}
