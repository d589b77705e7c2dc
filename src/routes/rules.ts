/** GET /v1/rules and /v1/rules/{id}: the rule catalogue, generated from the registry. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problem';
import { RULES, RULESET_VERSION, findRule } from '../rules';
import { describeRule } from '../rules/describe';
import { Problem } from '../schemas/problem';
import { RuleInfo, RuleList } from '../schemas/rule';

const listRules = createRoute({
  method: 'get',
  path: '/v1/rules',
  summary: 'List every rule',
  responses: {
    200: { description: 'The rule catalogue', content: { 'application/json': { schema: RuleList } } },
  },
});

const getRule = createRoute({
  method: 'get',
  path: '/v1/rules/{id}',
  summary: 'Describe one rule',
  request: {
    params: z.object({
      id: z
        .string()
        .openapi({ param: { name: 'id', in: 'path' }, example: 'kubelet-anonymous-auth-enabled' }),
    }),
  },
  responses: {
    200: { description: 'The rule', content: { 'application/json': { schema: RuleInfo } } },
    404: { description: 'No rule has this id', content: { 'application/problem+json': { schema: Problem } } },
  },
});

export function registerRules(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRules, (c) =>
    c.json({ rulesetVersion: RULESET_VERSION, rules: RULES.map(describeRule) }, 200),
  );
  app.openapi(getRule, (c) => {
    const rule = findRule(c.req.valid('param').id);
    if (!rule)
      throw new ProblemError(
        404,
        'rule-not-found',
        'Rule not found',
        'No rule has this id; GET /v1/rules lists them.',
      );
    return c.json(describeRule(rule), 200);
  });
}
