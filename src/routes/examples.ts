/**
 * Examples for the OpenAPI document: one small report (a kubelet config with its read-only port open,
 * one finding suppressed by skipRules), and the same report in every other format, rendered by the
 * real formatters so the examples cannot drift from what the API answers.
 */
import { RULE_CATALOGUE } from '../lint';
import { FORMATTERS } from '../report/formats';
import type { Format } from '../schemas/lint-request';
import type { Report } from '../schemas/report';
import type { RuleInfo } from '../schemas/rule';
import exampleReport from './example-report.json';

export { EXAMPLE_FILE, EXAMPLE_OPTIONS, EXAMPLE_UPLOAD } from './example-upload';

/**
 * What lint() answers for the example upload: written by `npm run generate` (scripts/generate.ts), and
 * checked against lint() by test/node/generated-files.test.ts, so the document cannot drift from the API.
 */
export const EXAMPLE_REPORT = exampleReport as Report;

/** The catalogue entries of the rules the example report names: SARIF's driver.rules, abridged. */
function exampleRules(): RuleInfo[] {
  const named = new Set([...EXAMPLE_REPORT.findings, ...EXAMPLE_REPORT.suppressed].map((f) => f.ruleId));
  return RULE_CATALOGUE.filter((rule) => named.has(rule.id));
}

/** EXAMPLE_REPORT in `format`, as POST /v1/lint would answer it (driver.rules abridged for SARIF). */
export function exampleIn(format: Format): string {
  return FORMATTERS[format].render(EXAMPLE_REPORT, { rules: exampleRules() });
}
