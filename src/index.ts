/**
 * The Worker entry point. The application (its zod schemas, OpenAPI route definitions and rendered
 * examples) is imported on the first request, not at startup: esbuild turns a module reached only
 * through import() into a function run on first use, so the isolate's global scope does almost nothing
 * and every later request reuses the application built once.
 */
import type { ExecutionContext } from 'hono';
import type { AppBindings } from './http/env';

interface App {
  fetch(request: Request, env: AppBindings, ctx: ExecutionContext): Response | Promise<Response>;
}

let app: Promise<App> | undefined;

export default {
  async fetch(request: Request, env: AppBindings, ctx: ExecutionContext): Promise<Response> {
    app ??= import('./app').then(({ createApp }) => createApp());
    return (await app).fetch(request, env, ctx);
  },
};
