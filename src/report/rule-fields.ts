/**
 * The fields a finding takes from its rule (remediation, links, references) are the same in every
 * report, so the form's page leaves them out of the report it embeds for its download buttons (a third
 * of its weight), and POST /report/download puts them back from the rule catalogue. A report posted
 * back can then carry no remediation text of the client's own either.
 */
import { PATHS } from '../catalogue/paths';
import type { Report } from '../schemas/report';
import type { RuleInfo } from '../schemas/rule';

const RULE_FIELDS = ['remediation', 'links', 'references'] as const;

/** The report without its findings' rule fields. */
export function withoutRuleFields(report: Report): unknown {
  const strip = (finding: object) =>
    Object.fromEntries(
      Object.entries(finding).filter(([key]) => !(RULE_FIELDS as readonly string[]).includes(key)),
    );
  return { ...report, findings: report.findings.map(strip), suppressed: report.suppressed.map(strip) };
}

/**
 * A posted report with its findings' rule fields back, as the engine writes them (the finding's path's
 * link first, src/engine/describe-rule.ts); a finding of an unknown rule is left as it is, for the
 * schema to refuse.
 */
export function withRuleFields(value: unknown, findRule: (id: string) => RuleInfo | undefined): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const report = value as Record<string, unknown>;
  const restore = (finding: unknown) => {
    if (typeof finding !== 'object' || finding === null) return finding;
    const { ruleId, path } = finding as { ruleId?: unknown; path?: unknown };
    const rule = typeof ruleId === 'string' ? findRule(ruleId) : undefined;
    if (!rule) return finding;
    const first = PATHS.find((p) => p.id === path)?.link;
    return {
      ...finding,
      remediation: rule.remediation,
      links: [...new Set([...(first ? [first] : []), ...rule.links])],
      references: rule.references,
    };
  };
  const list = (field: unknown) => (Array.isArray(field) ? field.map(restore) : field);
  return { ...report, findings: list(report.findings), suppressed: list(report.suppressed) };
}
