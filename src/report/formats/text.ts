/**
 * format=text: for a terminal. The path verdicts first, then the findings grouped by path, each with
 * file:line:column, the message, the fix and one link; what was not evaluated in one line (every rule
 * with verbose=true). Lines are wrapped at `width` (default 100). compact=true is for CI logs: one line
 * per finding and input error, then the verdict. Plain text unless color=true asks for ANSI colours;
 * control characters from uploaded values never reach the terminal.
 */
import type { Severity } from '../../schemas/common';
import type { Finding } from '../../schemas/finding';
import type { Report, SuppressedFinding, Verdict } from '../../schemas/report';
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

const SGR = { red: '31', yellow: '33', cyan: '36', green: '32', dim: '2', bold: '1' } as const;
type Style = keyof typeof SGR;

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: 'red',
  high: 'red',
  medium: 'yellow',
  low: 'cyan',
  info: 'dim',
};
const VERDICT_STYLE: Record<Verdict, Style> = {
  secure: 'green',
  'at-risk': 'yellow',
  insecure: 'red',
  'not-configured': 'dim',
  'not-assessed': 'yellow',
};

export const DEFAULT_WIDTH = 100;

export function renderText(
  report: Report,
  { color = false, width = DEFAULT_WIDTH, compact = false, verbose = false }: FormatContext,
): string {
  const paint = (style: Style, text: string) => (color ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text);
  if (compact) return compactText(report, paint);
  const out: string[] = [
    `${report.tool.name} ${report.tool.version} (ruleset ${report.tool.rulesetVersion}), network ${report.options.network}, Kubernetes ${report.options.kubernetesVersion ?? 'unknown'}`,
    paint(report.summary.passed ? 'green' : 'red', headline(report)),
    '',
    'Paths:',
  ];
  const idWidth = Math.max(...report.paths.map((path) => path.id.length));
  for (const path of report.paths) {
    out.push(
      `  ${path.id.padEnd(idWidth)}  ${paint(VERDICT_STYLE[path.verdict], path.verdict.padEnd(14))}  ${printable(path.reason)}`,
    );
  }
  if (report.summary.toUpload.length > 0) {
    out.push('', uploadHeading(report));
    for (const item of report.summary.toUpload) out.push(`  - ${printable(item)}`);
  }
  const errors = report.inputs.flatMap((input) =>
    input.errors.map((error) => ({ file: input.file, ...error })),
  );
  if (errors.length > 0) {
    out.push('', `Input errors (${errors.length}):`);
    for (const error of errors) out.push(`  ${printable(where(error))}  ${printable(error.message)}`);
  }
  for (const path of report.paths) {
    const findings = report.findings.filter((finding) => finding.path === path.id);
    if (findings.length === 0) continue;
    out.push(
      '',
      `${path.id}: ${paint(VERDICT_STYLE[path.verdict], path.verdict)} (${plural(findings.length, 'finding')})`,
    );
    for (const finding of findings) out.push(...block(finding));
  }
  if (report.suppressed.length > 0) {
    out.push('', `Suppressed (${report.suppressed.length}):`);
    for (const finding of report.suppressed) out.push(`  ${suppressedLine(finding)}`);
  }
  if (report.omitted.length > 0) {
    const omitted = omittedLines(report, LIMITS.maxFindingsPerRule);
    out.push('', `${omitted.heading}:`, ...omitted.lines.map((line) => `  ${line}`));
  }
  const { notEvaluated } = report.coverage;
  if (notEvaluated.length > 0 && verbose) {
    out.push('', 'Not evaluated:');
    for (const item of notEvaluated) out.push(`  ${item.ruleId}: ${printable(item.reason)}`);
  } else if (notEvaluated.length > 0) {
    const reasons = new Set(notEvaluated.map((item) => item.reason)).size;
    out.push(
      '',
      `Not evaluated: ${plural(notEvaluated.length, 'rule')} for want of ${plural(reasons, 'input')} (verbose=true lists them).`,
    );
  }
  return `${out.flatMap((line) => wrap(line, width)).join('\n')}\n`;

  function block(finding: Finding): string[] {
    const label = paint(SEVERITY_STYLE[finding.severity], finding.severity.toUpperCase());
    return [
      '',
      `  ${label}  ${printable(where(finding.location))}  ${paint('bold', finding.ruleId)}`,
      `    ${printable(finding.message)}`,
      ...(finding.severityReason ? [`    Severity: ${printable(finding.severityReason)}`] : []),
      `    Fix: ${finding.remediation}`,
      ...(finding.links[0] ? [`    See: ${finding.links[0]}`] : []),
    ];
  }
}

function suppressedLine(finding: SuppressedFinding): string {
  const { source, reason } = finding.suppression;
  return printable(
    `${where(finding.location)}  ${finding.ruleId} (${finding.severity}), by ${source}: ${reason ?? 'no reason given'}`,
  );
}

/** compact=true: one line per finding and per input error, then the verdict line. Never wrapped. */
function compactText(report: Report, paint: (style: Style, text: string) => string): string {
  const lines = [
    ...report.inputs.flatMap((input) =>
      input.errors.map((error) =>
        printable(`${where({ file: input.file, ...error })} error input-error ${error.message}`),
      ),
    ),
    ...report.findings.map(
      (finding) =>
        `${printable(where(finding.location))} ${paint(SEVERITY_STYLE[finding.severity], finding.severity)} ${finding.ruleId} ${printable(finding.message)}`,
    ),
    paint(report.summary.passed ? 'green' : 'red', headline(report)),
  ];
  return `${lines.join('\n')}\n`;
}

// eslint-disable-next-line no-control-regex -- the colour codes paint() adds take no room on screen
const SGR_SEQUENCE = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string) => text.replace(SGR_SEQUENCE, '').length;

/**
 * A line cut at spaces to at most `width` visible characters; continuation lines are indented four
 * more than the first. A word longer than the width (a URL, a path) stays whole, on the line it starts.
 */
export function wrap(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  const hanging = `${indent}    `;
  const lines: string[] = [];
  let current = indent;
  // Each word with the spaces after it, so that aligned columns keep their spacing.
  for (const token of line.slice(indent.length).match(/\S+\s*/g) ?? []) {
    const fresh = current.trim() === '';
    const fits = visibleLength(current.trimEnd()) + 1 + visibleLength(token.trimEnd()) <= width;
    // A word too long for any line (a URL) stays beside its label rather than alone below it.
    const fitsBelow = visibleLength(hanging + token.trimEnd()) <= width;
    if (!fresh && !fits && fitsBelow) {
      lines.push(current.trimEnd());
      current = hanging + token;
    } else {
      current += token;
    }
  }
  lines.push(current.trimEnd());
  return lines;
}
