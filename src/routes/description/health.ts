/** GET /healthz, described. */
import { createRoute, z } from '@hono/zod-openapi';
import { TOOL_VERSION } from '../../catalogue/tool';
import { RULESET_VERSION } from '../../lint';
import { GET, HEADERS, problemResponses } from './common';

export const health = createRoute({
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
