/** OpenAPI pieces every route shares: the headers each answer carries, and problem+json responses. */
import { Problem } from '../schemas/problem';
import { CACHE_READ_ONLY } from '../http/manners';

const REQUEST_ID = {
  description:
    'Identifies this answer: the X-Request-Id the request sent when it is 1-128 characters of [A-Za-z0-9_=-], else a new UUID',
  schema: { type: 'string' as const, example: '6f1c2a9e-3b7d-4c51-9a0e-2d8f5b7c1e43' },
};

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

/** A problem+json response with named examples. */
export function problemResponse(description: string, examples: Record<string, Problem>) {
  return {
    description,
    headers: HEADERS,
    content: {
      'application/problem+json': {
        schema: Problem,
        examples: Object.fromEntries(
          Object.entries(examples).map(([name, value]) => [name, { summary: value.title, value }]),
        ),
      },
    },
  };
}
