/** A rule's public description: what /v1/rules, SARIF and docs/rules.md show. */
import { PATHS } from '../catalogue/paths';
import type { RuleInfo } from '../schemas/rule';
import type { Rule } from './rule';

/** The rule's links with its path's anchor on the docs page first. */
export function ruleLinks(rule: Rule): string[] {
  const pathLink = PATHS.find((path) => path.id === rule.path)?.link;
  return [...new Set([...(pathLink ? [pathLink] : []), ...rule.links])];
}

export function describeRule(rule: Rule): RuleInfo {
  return {
    id: rule.id,
    path: rule.path,
    severity: rule.severity,
    trustedSeverity: rule.trustedSeverity ?? rule.severity,
    category: rule.category,
    title: rule.title,
    description: rule.description,
    remediation: rule.remediation,
    links: ruleLinks(rule),
    references: rule.references,
    requires: rule.requires,
  };
}
