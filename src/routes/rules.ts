/** GET /v1/rules and /v1/rules/{id}: the rule catalogue, generated from the registry. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problem';
import { RULESET_VERSION, RULE_CATALOGUE, findRuleInfo } from '../lint';
import { RuleInfo, RuleList } from '../schemas/rule';
import { CACHED_HEADERS, GET, problemResponses } from './common';

const listRules = createRoute({
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

const getRule = createRoute({
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

export function registerRules(app: OpenAPIHono<AppEnv>) {
  const list = { rulesetVersion: RULESET_VERSION, rules: [...RULE_CATALOGUE] };
  app.openapi(listRules, (c) => c.json(list, 200));
  app.openapi(getRule, (c) => {
    const rule = findRuleInfo(c.req.valid('param').id);
    if (!rule) throw ruleNotFound();
    return c.json(rule, 200);
  });
}

function ruleNotFound(): ProblemError {
  return new ProblemError('rule-not-found', 'No rule has this id; GET /v1/rules lists them.');
}
