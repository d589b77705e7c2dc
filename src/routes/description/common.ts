/** OpenAPI pieces every route shares: the headers each answer carries, and problem+json responses. */
import { CACHE_READ_ONLY } from '../../http/manners';
import { methodNotAllowed } from '../../http/allowed-methods';
import { ProblemError, problemBody } from '../../http/problem';
import { PROBLEMS } from '../../http/problems';
import { Problem } from '../../schemas/problem';

const REQUEST_ID = {
  description:
    'Identifies this answer: the X-Request-Id the request sent when it is 1-128 characters of [A-Za-z0-9_=-], else a new UUID',
  schema: { type: 'string' as const, example: '6f1c2a9e-3b7d-4c51-9a0e-2d8f5b7c1e43' },
};

/** The requestId the examples show. */
const EXAMPLE_REQUEST_ID = '6f1c2a9e-3b7d-4c51-9a0e-2d8f5b7c1e43';

/** Headers of every answer. */
export const HEADERS = { 'X-Request-Id': REQUEST_ID };

/** Headers of the read-only endpoints' successful answers. */
export const CACHED_HEADERS = {
  'X-Request-Id': REQUEST_ID,
  'Cache-Control': {
    description: 'The catalogue and API description change only with a deployment',
    schema: { type: 'string' as const, example: CACHE_READ_ONLY },
  },
};

/**
 * The problem+json responses of an operation, one per status, from the problems it answers (each an
 * example, named by its slug and described from the catalogue). Every operation also answers 405 for
 * another method at its path.
 */
export function problemResponses(
  path: string,
  allowed: readonly string[],
  problems: readonly ProblemError[],
) {
  const all = [...problems, methodNotAllowed(path, allowed)];
  const byStatus = new Map<number, ProblemError[]>();
  for (const problem of all) byStatus.set(problem.status, [...(byStatus.get(problem.status) ?? []), problem]);
  const instance = path.replace(/\{id\}/, 'no-such-rule');
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      {
        description: [...new Set(group.map((p) => `${p.title}: ${PROBLEMS[p.slug].about}`))].join(' '),
        headers: status === 405 ? { ...HEADERS, Allow: ALLOW } : HEADERS,
        content: {
          'application/problem+json': {
            schema: Problem,
            examples: Object.fromEntries(
              group.map((p) => [
                p.slug,
                { summary: p.title, value: { ...problemBody(p, instance), requestId: EXAMPLE_REQUEST_ID } },
              ]),
            ),
          },
        },
      },
    ]),
  );
}

const ALLOW = {
  description: 'The methods this path answers (RFC 9110 §10.2.1)',
  schema: { type: 'string' as const, example: 'GET, HEAD, OPTIONS' },
};

/** The methods a read-only path answers. */
export const GET = ['GET', 'HEAD', 'OPTIONS'] as const;
