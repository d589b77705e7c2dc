/** GET /openapi.json and /openapi.yaml: the OpenAPI 3.1 document generated from the route definitions. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { dump } from 'js-yaml';
import type { AppEnv } from '../http/env';
import { TOOL_VERSION } from '../version';

const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'kube-comms-lint',
    version: TOOL_VERSION,
    description:
      'Lints Kubernetes cluster configuration for the safety of every control plane <-> node communication path (kubernetes.io: Communication between Nodes and the Control Plane). Errors are RFC 9457 application/problem+json.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
};

export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(DOCUMENT_CONFIG);
}

export function openApiYaml(app: OpenAPIHono<AppEnv>): string {
  return dump(openApiDocument(app), { lineWidth: -1, noRefs: true });
}

export function registerOpenApi(app: OpenAPIHono<AppEnv>) {
  app.get('/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/openapi.yaml', (c) =>
    c.body(openApiYaml(app), 200, { 'Content-Type': 'application/yaml; charset=utf-8' }),
  );
}
