/** Small helpers the formatters share: what fails, how places and counts read, safe text. */
import { SEVERITIES, type Location, type Severity } from '../../schemas/common';
import type { Finding } from '../../schemas/finding';
import type { Report } from '../../schemas/report';
import type { RuleInfo } from '../../schemas/rule';
import { atOrAbove } from '../build';

/** What every formatter gets besides the report: the same for each, so each stays a pure function. */
export interface FormatContext {
  /** The rule catalogue, in registry order (describeRule of every rule). */
  rules: readonly RuleInfo[];
  /** format=text only: ANSI colours. */
  color?: boolean;
  /** format=text only: the line width to wrap at (default 100). */
  width?: number;
  /** format=text only: the findings only, one line each. */
  compact?: boolean;
  /** format=text only: every rule not evaluated, instead of one summary line. */
  verbose?: boolean;
  /** format=json and format=sarif: indented JSON. */
  pretty?: boolean;
}

/** The threshold that fails a report: failOn, else `low` (info findings never fail), as summary.passed. */
export function failsReport(report: Report): (finding: Finding) => boolean {
  const threshold: Severity = report.options.failOn ?? 'low';
  return (finding) => atOrAbove(finding.severity, threshold);
}

/** A relative URI reference for an upload name: no leading `/`, each segment percent-encoded. */
export function relativeUri(file: string): string {
  const segments = file.replace(/^\/+/, '').split('/').map(encodeURIComponent);
  return segments.join('/') || 'unnamed';
}

export function where(location: Pick<Location, 'file' | 'line' | 'column'>): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** "3 high, 1 low" in severity order; "no" findings as "none". */
export function severityCounts(findings: readonly Finding[]): string {
  const parts = SEVERITIES.map(
    (severity) => [severity, findings.filter((f) => f.severity === severity).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line: the counts a reader checks first. */
export function headline(report: Report): string {
  const { summary } = report;
  const parts = [
    `${plural(summary.findings, 'finding')}${summary.findings > 0 ? ` (${severityCounts(report.findings)})` : ''}`,
  ];
  if (summary.suppressed > 0) parts.push(`${summary.suppressed} suppressed`);
  if (summary.inputErrors > 0) parts.push(plural(summary.inputErrors, 'input error'));
  if (summary.assessedPaths === 0) parts.unshift(NOTHING_ASSESSED);
  return `${summary.passed ? 'passed' : 'failed'}: ${parts.join(', ')}`;
}

/** What a report that judged no path says first (DESIGN.md: nothing judged is not a pass). */
export const NOTHING_ASSESSED = 'nothing could be assessed';

/** The heading over `summary.toUpload` in every format. */
export function uploadHeading(report: Report): string {
  return report.summary.assessedPaths === 0
    ? 'Nothing could be assessed. Upload:'
    : 'To assess the paths not assessed, upload:';
}

/** Control characters (terminal escapes among them) from uploaded values become U+FFFD. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** The answer's size cap, said the same way by every format: a heading, then one line per rule. */
export const OMITTED_HEADING = 'Not listed (this answer lists at most LIMIT findings of one rule)';

export function omittedLines(report: Report, limit: number): { heading: string; lines: string[] } {
  return {
    heading: OMITTED_HEADING.replace('LIMIT', String(limit)),
    lines: report.omitted.map((item) =>
      [
        `${item.ruleId}:`,
        [
          ...(item.findings > 0 ? [plural(item.findings, 'more finding')] : []),
          ...(item.suppressed > 0 ? [plural(item.suppressed, 'more suppressed finding')] : []),
        ].join(' and '),
      ].join(' '),
    ),
  };
}
