/** GET /openapi.json, /openapi.yaml and /docs, described. */
import type { RouteConfig } from '@hono/zod-openapi';
import { CACHED_HEADERS, GET, problemResponses } from './common';

export const openApiRoutes: RouteConfig[] = (
  [
    ['/openapi.json', 'application/json'],
    ['/openapi.yaml', 'application/yaml'],
  ] as const
).map(([path, mediaType]) => ({
  method: 'get',
  path,
  operationId: mediaType === 'application/json' ? 'openApiJson' : 'openApiYaml',
  summary: `This API's OpenAPI 3.1 document (${mediaType})`,
  responses: {
    200: {
      description: 'Generated from the route definitions; the same as the committed openapi.yaml',
      headers: CACHED_HEADERS,
      content: { [mediaType]: { schema: { type: 'object' } } },
    },
    ...problemResponses(path, GET, []),
  },
}));

export const docsRoute: RouteConfig = {
  method: 'get',
  path: '/docs',
  operationId: 'docs',
  summary: 'API reference page',
  description: 'This API described for people: endpoints with their examples, formats, rules, schemas.',
  responses: {
    200: {
      description: 'A self-contained HTML page (no scripts, no external requests)',
      headers: CACHED_HEADERS,
      content: { 'text/html': { schema: { type: 'string' } } },
    },
    ...problemResponses('/docs', GET, []),
  },
};
