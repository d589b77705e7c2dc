/**
 * format=markdown: a pull-request or merge-request comment (GitHub/GitLab flavoured). A verdict table
 * first, then the findings, input errors and the suppressed findings in a collapsed section. Uploaded
 * text is escaped so that it renders as text: no links, HTML or table breaks can come from a config.
 */
import type { Finding } from '../../schemas/finding';
import type { Report, Verdict } from '../../schemas/report';
import {
  headline,
  plural,
  printable,
  uploadHeading,
  where,
  type FormatContext,
  omittedLines,
} from './common';
import { LIMITS } from '../../catalogue/limits';

const VERDICT_MARK: Record<Verdict, string> = {
  secure: '✅',
  'at-risk': '⚠️',
  insecure: '❌',
  'not-configured': '➖',
  'not-assessed': '❔',
};

export function renderMarkdown(report: Report, _context: FormatContext): string {
  const out: string[] = [
    `### kube-comms-lint: ${report.summary.passed ? '✅' : '❌'} ${headline(report)}`,
    '',
    '| Path | Verdict | Findings | Why |',
    '| --- | --- | ---: | --- |',
    ...report.paths.map(
      (path) =>
        `| \`${path.id}\` | ${VERDICT_MARK[path.verdict]} ${path.verdict} | ${path.findings} | ${escape(path.reason)} |`,
    ),
  ];
  if (report.summary.toUpload.length > 0) {
    out.push('', `**${escape(uploadHeading(report))}**`, '');
    for (const item of report.summary.toUpload) out.push(`- ${escape(item)}`);
  }
  if (report.findings.length > 0) {
    out.push('', '#### Findings', '');
    for (const finding of report.findings) out.push(...item(finding), '');
  }
  const errors = report.inputs.flatMap((input) =>
    input.errors.map((error) => ({ file: input.file, ...error })),
  );
  if (errors.length > 0) {
    out.push('', '#### Input errors', '');
    for (const error of errors) out.push(`- ${code(where(error))} ${escape(error.message)}`);
  }
  if (report.suppressed.length > 0) {
    out.push('', `<details><summary>${plural(report.suppressed.length, 'suppressed finding')}</summary>`, '');
    for (const finding of report.suppressed) {
      const { source, reason } = finding.suppression;
      out.push(
        `- **${finding.severity}** ${code(finding.ruleId)} at ${code(where(finding.location))}, by ${source}: ${escape(reason ?? 'no reason given')}`,
      );
    }
    out.push('', '</details>');
  }
  if (report.omitted.length > 0) {
    const omitted = omittedLines(report, LIMITS.maxFindingsPerRule);
    out.push('', `#### ${omitted.heading}`, '', ...omitted.lines.map((line) => `- ${escape(line)}`));
  }
  out.push(
    '',
    `<sub>${escape(`${report.tool.name} ${report.tool.version}, ruleset ${report.tool.rulesetVersion}, network ${report.options.network}`)}</sub>`,
    '',
  );
  return out.join('\n');
}

function item(finding: Finding): string[] {
  const link = finding.links[0] ? ` ([docs](${finding.links[0]}))` : '';
  return [
    `- **${finding.severity.toUpperCase()}** ${code(finding.ruleId)}: ${escape(finding.title)}  `,
    `  ${code(where(finding.location))} ${escape(finding.message)}  `,
    `  **Fix:** ${escape(finding.remediation)}${link}`,
  ];
}

/**
 * Text as text, on one line: HTML characters as entities, and backslash-escaped the punctuation that
 * could make emphasis, code, links, table cells or strikethrough, and `@` (no mentions from a config).
 */
function escape(text: string): string {
  return printable(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~@]/g, '\\$&');
}

/** A code span that holds any text: its fence is longer than the longest run of backticks inside. */
function code(text: string): string {
  const value = printable(text).replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
