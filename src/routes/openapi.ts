/** GET /openapi.json and /openapi.yaml: the OpenAPI 3.1 document (./api-document.ts). */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { apiDocumentJson, apiDocumentYaml } from './api-document';

export function registerOpenApi(app: Hono<AppEnv>) {
  app.get('/openapi.json', async (c) =>
    c.body(await apiDocumentJson(), 200, { 'Content-Type': 'application/json' }),
  );
  app.get('/openapi.yaml', async (c) =>
    c.body(await apiDocumentYaml(), 200, { 'Content-Type': 'application/yaml; charset=utf-8' }),
  );
}
