/** createApp(): the Hono application with its routes and the one place errors become problem+json. */
// hono/tiny: Hono with its PatternRouter, a few regular expressions for our dozen routes; the default
// preset's two routers (RegExpRouter, TrieRouter) cost 2.5 KB gzip of the bundle for nothing we need.
import { Hono } from 'hono/tiny';
import { allowedMethods, methodNotAllowed } from './http/allowed-methods';
import type { AppEnv } from './http/env';
import { CACHE_READ_ONLY, baseHeaders, cacheControl, withCors, withRequestId } from './http/manners';
import { ProblemError, problemResponse } from './http/problem';
import { rateLimit } from './http/rate-limit';
import { discardBody } from './http/read-body';
import { registerDocs } from './routes/docs';
import { registerForm } from './routes/form';
import { registerHealth } from './routes/health';
import { registerLint } from './routes/lint';
import { registerOpenApi } from './routes/openapi';
import { registerPaths } from './routes/paths';
import { registerRules } from './routes/rules';

/** The endpoints that lint: limited per client where the Rate Limiting binding is configured. */
const LINTING = ['/v1/lint', '/report', '/report/download'];

/** The read-only endpoints: their answers change only with a deployment. */
const READ_ONLY = ['/v1/rules', '/v1/rules/*', '/v1/paths', '/openapi.json', '/openapi.yaml', '/docs'];

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(withRequestId(), withCors(), baseHeaders());
  for (const path of READ_ONLY) app.use(path, cacheControl(CACHE_READ_ONLY));
  app.on('POST', LINTING, rateLimit());
  registerHealth(app);
  registerLint(app);
  registerRules(app);
  registerPaths(app);
  registerOpenApi(app);
  registerDocs(app);
  registerForm(app);
  const methodsAt = allowedMethods(app.routes);
  app.notFound(async (c) => {
    await discardBody(c.req.raw, c.env);
    const path = new URL(c.req.url).pathname;
    const allowed = methodsAt(path);
    if (allowed.length > 0) {
      const response = problemResponse(c, methodNotAllowed(path, allowed));
      response.headers.set('Allow', allowed.join(', '));
      return response;
    }
    return problemResponse(
      c,
      new ProblemError('not-found', `No resource at ${path}; see /docs or /openapi.yaml.`),
    );
  });
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    // Never the error's text: it could quote an upload. Nothing is logged either, for the same reason.
    return problemResponse(
      c,
      new ProblemError(
        'internal-error',
        'kube-comms-lint failed on this request. This is a bug; please report it with the rule ids involved, not your files.',
      ),
    );
  });
  return app;
}
