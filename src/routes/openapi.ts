/** GET /openapi.json and /openapi.yaml: the OpenAPI 3.1 document (./api-document.ts). */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { apiDocument, apiDocumentYaml } from './api-document';

export function registerOpenApi(app: Hono<AppEnv>) {
  app.get('/openapi.json', async (c) => c.json(await apiDocument()));
  app.get('/openapi.yaml', async (c) =>
    c.body(await apiDocumentYaml(), 200, { 'Content-Type': 'application/yaml; charset=utf-8' }),
  );
}
