/** GET /openapi.json and /openapi.yaml: the OpenAPI 3.1 document generated from the route definitions. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { dump } from 'js-yaml';
import type { AppEnv } from '../http/env';
import { TOOL_VERSION } from '../catalogue/tool';
import { CACHED_HEADERS, GET, problemResponses } from './common';

const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'kube-comms-lint',
    version: TOOL_VERSION,
    description:
      'Lints Kubernetes cluster configuration for the safety of every control plane <-> node communication path (kubernetes.io: Communication between Nodes and the Control Plane). Errors are RFC 9457 application/problem+json. Every answer carries X-Request-Id; CORS is open to every origin; the read-only endpoints are cacheable.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  // Relative: the deployment that serves this document (and `npm run dev` on localhost:8787).
  servers: [{ url: '/', description: 'The deployment serving this document' }],
  // A public API: no operation needs credentials.
  security: [],
};

export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(DOCUMENT_CONFIG);
}

export function openApiYaml(app: OpenAPIHono<AppEnv>): string {
  return dump(openApiDocument(app), { lineWidth: -1, noRefs: true });
}

export function registerOpenApi(app: OpenAPIHono<AppEnv>) {
  for (const [path, mediaType] of [
    ['/openapi.json', 'application/json'],
    ['/openapi.yaml', 'application/yaml'],
  ] as const) {
    app.openAPIRegistry.registerPath({
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
    });
  }
  app.get('/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/openapi.yaml', (c) =>
    c.body(openApiYaml(app), 200, { 'Content-Type': 'application/yaml; charset=utf-8' }),
  );
}
