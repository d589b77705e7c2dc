/**
 * The API description: every route's OpenAPI definition, from the zod schemas the routes validate with,
 * made into the OpenAPI 3.1 document by zod-to-openapi. For `npm run generate` and the tests only: the
 * Worker serves what generate writes from it (../api-document.ts), so that it does not carry
 * zod-to-openapi, these definitions and the example report.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { TOOL_VERSION } from '../../catalogue/tool';
import { docsRoute, openApiRoutes } from './documents';
import { health } from './health';
import { lintRoute } from './lint';
import { listPaths } from './paths';
import { getRule, listRules } from './rules';

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

/** The operations in the order the document lists them. */
const ROUTES = [health, lintRoute, listRules, getRule, listPaths, ...openApiRoutes, docsRoute];

/**
 * The OpenAPI document without the example report (POST /v1/lint's report examples), which
 * ../api-document.ts adds: what `npm run generate` writes to src/routes/api-document.json.
 */
export function describeApi(): unknown {
  const api = new OpenAPIHono();
  for (const route of ROUTES) api.openAPIRegistry.registerPath(route);
  return api.getOpenAPI31Document(DOCUMENT_CONFIG);
}
