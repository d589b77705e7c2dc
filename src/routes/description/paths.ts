/** GET /v1/paths, described. */
import { createRoute } from '@hono/zod-openapi';
import { PathList } from '../../schemas/rule';
import { CACHED_HEADERS, GET, problemResponses } from './common';

export const listPaths = createRoute({
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
