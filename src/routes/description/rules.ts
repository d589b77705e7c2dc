/** GET /v1/rules and /v1/rules/{id}, described. */
import { createRoute, z } from '@hono/zod-openapi';
import { RuleInfo, RuleList } from '../../schemas/rule';
import { ruleNotFound } from '../rules';
import { CACHED_HEADERS, GET, problemResponses } from './common';

export const listRules = createRoute({
  method: 'get',
  path: '/v1/rules',
  operationId: 'listRules',
  summary: 'List every rule',
  description:
    'The rule catalogue, in registry order (the order of SARIF driver.rules): id, path, severity (and with network=trusted), category, title, description, remediation, links (the path anchor first), references and required inputs.',
  responses: {
    200: {
      description: 'The rule catalogue',
      headers: CACHED_HEADERS,
      content: { 'application/json': { schema: RuleList } },
    },
    ...problemResponses('/v1/rules', GET, []),
  },
});

export const getRule = createRoute({
  method: 'get',
  path: '/v1/rules/{id}',
  operationId: 'getRule',
  summary: 'Describe one rule',
  request: {
    params: z.object({
      id: z
        .string()
        .openapi({ param: { name: 'id', in: 'path' }, example: 'kubelet-anonymous-auth-enabled' }),
    }),
  },
  responses: {
    200: {
      description: 'The rule',
      headers: CACHED_HEADERS,
      content: { 'application/json': { schema: RuleInfo } },
    },
    ...problemResponses('/v1/rules/{id}', GET, [ruleNotFound()]),
  },
});
