/**
 * The example the API description shows: the example upload (./example-upload.ts) linted, once, on first
 * use, and that report in every other format, rendered by the real formatters, so the examples cannot
 * drift from what the API answers.
 */
import { RULE_CATALOGUE, lint } from '../lint';
import { FORMATTERS } from '../report/formats';
import type { Format } from '../schemas/lint-request';
import type { Report } from '../schemas/report';
import type { RuleInfo } from '../schemas/rule';
import { EXAMPLE_FILE, EXAMPLE_OPTIONS, EXAMPLE_UPLOAD } from './example-upload';

let report: Promise<Report> | undefined;

/** What lint() answers for the example upload. */
export function exampleReport(): Promise<Report> {
  report ??= lint([{ name: EXAMPLE_FILE, content: EXAMPLE_UPLOAD }], EXAMPLE_OPTIONS);
  return report;
}

/** The catalogue entries of the rules a report names: SARIF's driver.rules, abridged. */
function rulesNamedIn(report: Report): RuleInfo[] {
  const named = new Set([...report.findings, ...report.suppressed].map((f) => f.ruleId));
  return RULE_CATALOGUE.filter((rule) => named.has(rule.id));
}

/** The example report in `format`, as POST /v1/lint would answer it (driver.rules abridged for SARIF). */
export function exampleIn(report: Report, format: Format): string {
  return FORMATTERS[format].render(report, { rules: rulesNamedIn(report) });
}
