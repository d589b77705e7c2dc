/** GET /v1/rules and /v1/rules/{id}: the rule catalogue, generated from the registry (described in ./description/rules.ts). */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problem';
import { RULESET_VERSION, RULE_CATALOGUE, findRuleInfo } from '../lint';

export function registerRules(app: Hono<AppEnv>) {
  // The catalogue does not change while the Worker runs: its JSON text is made once, when first asked for.
  let list: string | undefined;
  app.get('/v1/rules', (c) => {
    list ??= JSON.stringify({ rulesetVersion: RULESET_VERSION, rules: RULE_CATALOGUE });
    return c.body(list, 200, { 'Content-Type': 'application/json' });
  });
  app.get('/v1/rules/:id', (c) => {
    const rule = findRuleInfo(c.req.param('id'));
    if (!rule) throw ruleNotFound();
    return c.json(rule, 200);
  });
}

export function ruleNotFound(): ProblemError {
  return new ProblemError('rule-not-found', 'No rule has this id; GET /v1/rules lists them.');
}
