/**
 * format=junit: JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, ...) display as tests.
 * One testsuite per communication path with one testcase per rule: a failure for its findings at or
 * above failOn (or low), skipped when it was not evaluated. A last testsuite, `inputs`, has one
 * testcase per uploaded file, with an error for each file that could not be parsed.
 */
import type { Finding } from '../../schemas/finding';
import type { Report } from '../../schemas/report';
import {
  failsReport,
  plural,
  uploadHeading,
  where,
  type FormatContext,
  OMITTED_HEADING,
  omittedLines,
} from './common';
import { LIMITS } from '../../catalogue/limits';

interface TestSuite {
  name: string;
  properties: Record<string, string>;
  cases: TestCase[];
}

interface TestCase {
  name: string;
  classname: string;
  /** The file the case is about (GitLab links a failure to it): the first failing finding's, or the input's. */
  file?: string;
  outcome?: { element: 'failure' | 'error' | 'skipped'; type?: string; message: string; body?: string };
  output?: string;
}

export function renderJunit(report: Report, { rules }: FormatContext): string {
  const fails = failsReport(report);
  const known = new Set([
    ...report.coverage.evaluated,
    ...report.coverage.notEvaluated.map((item) => item.ruleId),
  ]);
  const suites: TestSuite[] = report.paths.map((path) => ({
    name: path.id,
    properties: { verdict: path.verdict, reason: path.reason },
    cases: rules
      .filter((rule) => rule.paths.includes(path.id) && known.has(rule.id))
      .map((rule): TestCase => {
        const findings = report.findings.filter((f) => f.ruleId === rule.id && f.path === path.id);
        const failing = findings.filter(fails);
        const evaluated = report.coverage.evaluated.includes(rule.id) || findings.length > 0;
        const gaps = report.coverage.notEvaluated.filter((item) => item.ruleId === rule.id);
        const notes = [
          ...findings.filter((f) => !fails(f)).map((f) => `Below the failing severity: ${describe(f)}`),
          ...report.suppressed
            .filter((f) => f.ruleId === rule.id)
            .map(
              (f) =>
                `Suppressed by ${f.suppression.source} (${f.suppression.reason ?? 'no reason given'}): ${describe(f)}`,
            ),
          ...(evaluated ? gaps.map((item) => `Not evaluated in part: ${item.reason}`) : []),
          ...omittedLines(
            { ...report, omitted: report.omitted.filter((item) => item.ruleId === rule.id) },
            LIMITS.maxFindingsPerRule,
          ).lines.map(
            (line) => `${OMITTED_HEADING.replace('LIMIT', String(LIMITS.maxFindingsPerRule))}: ${line}`,
          ),
        ];
        const testCase: TestCase = {
          name: `${rule.id}: ${rule.title}`,
          classname: `kube-comms-lint.${path.id}`,
        };
        if (failing.length > 0) {
          if (failing[0]) testCase.file = failing[0].location.file;
          testCase.outcome = {
            element: 'failure',
            type: failing[0]?.severity,
            message: `${plural(failing.length, 'finding')}: ${failing[0]?.message}`,
            body: failing.map(describe).join('\n\n'),
          };
        } else if (!evaluated) {
          testCase.outcome = {
            element: 'skipped',
            message: `not evaluated: ${gaps.map((item) => item.reason).join('; ')}`,
          };
        }
        if (notes.length > 0) testCase.output = notes.join('\n\n');
        return testCase;
      }),
  }));
  // Nothing judged is not a pass: the inputs suite fails with what to upload.
  const assessed: TestCase = {
    name: 'at least one path assessed',
    classname: 'kube-comms-lint.inputs',
    ...(report.summary.assessedPaths === 0 && {
      outcome: {
        element: 'failure',
        type: 'nothing-assessed',
        message: `${uploadHeading(report)} ${report.summary.toUpload.join('; ')}`,
        body: report.summary.toUpload.map((item) => `- ${item}`).join('\n'),
      },
    }),
  };
  suites.push({
    name: 'inputs',
    properties: {
      files: String(report.inputs.length),
      errors: String(report.summary.inputErrors),
      assessedPaths: String(report.summary.assessedPaths),
    },
    cases: [
      assessed,
      ...report.inputs.map((input): TestCase => {
        const first = input.errors[0];
        return {
          name: input.file,
          classname: 'kube-comms-lint.inputs',
          file: input.file,
          ...(first && {
            outcome: {
              element: 'error',
              type: 'input-error',
              message: first.message,
              body: input.errors
                .map((error) => `${where({ file: input.file, ...error })}: ${error.message}`)
                .join('\n'),
            },
          }),
        };
      }),
    ],
  });

  const count = (cases: TestCase[], element?: string) =>
    cases.filter((c) => (element ? c.outcome?.element === element : true)).length;
  const totals = (cases: TestCase[]) =>
    `tests="${count(cases)}" failures="${count(cases, 'failure')}" errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}" time="${TIME}"`;
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.tool.name)}" ${totals(all)}>`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite name="${attr(suite.name)}" ${totals(suite.cases)}>`, '    <properties>');
    for (const [name, value] of Object.entries(suite.properties))
      lines.push(`      <property name="${attr(name)}" value="${attr(value)}"/>`);
    lines.push('    </properties>');
    for (const testCase of suite.cases) lines.push(...renderCase(testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/**
 * Every `time` is 0: rules are not timed one by one (a lint takes milliseconds, and a Worker's clock
 * stands still while it computes), but CI readers such as Jenkins expect the attribute.
 */
const TIME = '0';

function renderCase({ name, classname, file, outcome, output }: TestCase): string[] {
  const fileAttr = file === undefined ? '' : ` file="${attr(file)}"`;
  const open = `    <testcase name="${attr(name)}" classname="${attr(classname)}"${fileAttr} time="${TIME}"`;
  if (!outcome && !output) return [`${open}/>`];
  const lines = [`${open}>`];
  if (outcome) {
    const type = outcome.type ? ` type="${attr(outcome.type)}"` : '';
    const start = `      <${outcome.element} message="${attr(outcome.message)}"${type}`;
    lines.push(outcome.body ? `${start}>${text(outcome.body)}</${outcome.element}>` : `${start}/>`);
  }
  if (output) lines.push(`      <system-out>${text(output)}</system-out>`);
  lines.push('    </testcase>');
  return lines;
}

function describe(finding: Finding): string {
  const link = finding.links[0] ? `\nSee: ${finding.links[0]}` : '';
  return `${finding.severity.toUpperCase()} ${where(finding.location)} ${finding.ruleId}\n${finding.message}\nFix: ${finding.remediation}${link}`;
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates) become U+FFFD. */
function xmlSafe(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd');
}

function text(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
