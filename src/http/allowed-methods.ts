/**
 * Which methods a path answers, from the application's own route table: a known path asked with another
 * method is 405 with `Allow` (RFC 9110 §15.5.6), not 404. HEAD comes with every GET (Hono answers it
 * with the GET handler) and OPTIONS with every path (CORS preflights).
 */
import { ProblemError } from './problem';

interface Route {
  method: string;
  path: string;
}

/** A matcher built once from the routes; middleware (method ALL) is not a route. */
export function allowedMethods(routes: readonly Route[]): (path: string) => string[] {
  const patterns = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    const entry = patterns.get(route.path) ?? { pattern: toPattern(route.path), methods: new Set<string>() };
    entry.methods.add(route.method);
    if (route.method === 'GET') entry.methods.add('HEAD');
    patterns.set(route.path, entry);
  }
  return (path) => {
    const methods = new Set<string>();
    for (const { pattern, methods: allowed } of patterns.values()) {
      if (pattern.test(path)) for (const method of allowed) methods.add(method);
    }
    if (methods.size > 0) methods.add('OPTIONS');
    return [...methods].sort();
  };
}

/** `/v1/rules/:id` → /^\/v1\/rules\/[^/]+$/; other characters literally. */
function toPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** The 405 problem for `path`, which answers only `allowed`. */
export function methodNotAllowed(path: string, allowed: readonly string[]): ProblemError {
  return new ProblemError(
    'method-not-allowed',
    `${path} answers ${allowed.join(', ')} only; see /docs or /openapi.yaml.`,
  );
}
