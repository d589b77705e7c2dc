/** A rule's public description: what /v1/rules, SARIF and docs/rules.md show. */
import { PATHS } from '../catalogue/paths';
import type { RuleInfo } from '../schemas/rule';
import type { PathId } from '../schemas/common';
import { rulePaths, type Rule } from './rule';

/** The rule's links with the anchors of its paths on the docs page first (`first`'s before the others). */
export function ruleLinks(rule: Rule, first?: PathId): string[] {
  const paths = rulePaths(rule);
  const ordered = first ? [first, ...paths.filter((path) => path !== first)] : paths;
  const anchors = ordered.flatMap((id) => PATHS.find((path) => path.id === id)?.link ?? []);
  return [...new Set([...anchors, ...rule.links])];
}

export function describeRule(rule: Rule): RuleInfo {
  const paths = rulePaths(rule);
  const [path] = paths;
  if (path === undefined) throw new Error(`${rule.id} judges no path`);
  return {
    id: rule.id,
    path,
    paths: [...paths],
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
