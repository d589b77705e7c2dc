/**
 * format=sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Every rule of the
 * registry is in `driver.rules` (so `ruleIndex` is stable for a ruleset version); results carry
 * relative URIs and 1-based regions, our fingerprint as a partial fingerprint, and suppressed findings
 * as SARIF suppressions. Files that could not be parsed are tool execution notifications.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { Location, Severity } from '../../schemas/common';
import type { Finding } from '../../schemas/finding';
import type { Report, SuppressedFinding } from '../../schemas/report';
import type { RuleInfo } from '../../schemas/rule';
import { relativeUri, uploadHeading, type FormatContext, OMITTED_HEADING, omittedLines } from './common';
import { LIMITS } from '../../catalogue/limits';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/';
const FINGERPRINT_KEY = 'kubeCommsLint/v1';

type Level = 'error' | 'warning' | 'note';
const LEVELS: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
/** GitHub code scanning ranks security alerts by this score (critical > 9, high 7-8.9, ...). */
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
};

/** Compact unless asked: a SARIF log is read by programs, and indentation is a third of its bytes. */
export function renderSarif(report: Report, context: FormatContext): string {
  const log = toSarif(report, context);
  return context.pretty ? `${JSON.stringify(log, null, 2)}\n` : JSON.stringify(log);
}

/**
 * driver.rules for a catalogue, built once per catalogue: the same 60-odd descriptors for every
 * request, not rebuilt (and re-allocated) for each.
 */
const DESCRIPTORS = new WeakMap<readonly RuleInfo[], Array<ReturnType<typeof descriptor>>>();

function descriptors(rules: readonly RuleInfo[]) {
  let built = DESCRIPTORS.get(rules);
  if (!built) {
    built = rules.map(descriptor);
    DESCRIPTORS.set(rules, built);
  }
  return built;
}

export function toSarif(report: Report, { rules }: FormatContext) {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = [
    ...report.findings.map((finding) => result(finding, ruleIndex)),
    ...report.suppressed.map((finding) => ({
      ...result(finding, ruleIndex),
      suppressions: [suppression(finding)],
    })),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        // GitHub code scanning keeps one set of alerts per category; `kube-comms-lint/` names ours.
        automationDetails: { id: `${report.tool.name}/` },
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: descriptors(rules),
            properties: { rulesetVersion: report.tool.rulesetVersion },
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.inputs.flatMap((input) =>
                input.errors.map((error) => ({
                  level: 'error' as const,
                  message: { text: `${input.file}: ${error.message}` },
                  locations: [physical({ file: input.file, line: error.line, column: error.column })],
                  descriptor: { id: 'input-error' },
                })),
              ),
              // The answer's size cap: what `results` leaves out, per rule.
              ...omittedLines(report, LIMITS.maxFindingsPerRule).lines.map((line) => ({
                level: 'warning' as const,
                message: {
                  text: `${OMITTED_HEADING.replace('LIMIT', String(LIMITS.maxFindingsPerRule))}: ${line}`,
                },
                descriptor: { id: 'results-omitted' },
              })),
              // Nothing judged is not a pass: say what to upload.
              ...(report.summary.assessedPaths === 0
                ? [
                    {
                      level: 'error' as const,
                      message: { text: `${uploadHeading(report)} ${report.summary.toUpload.join('; ')}` },
                      descriptor: { id: 'nothing-assessed' },
                    },
                  ]
                : []),
            ],
            properties: { options: report.options },
          },
        ],
        results,
        properties: {
          summary: report.summary,
          paths: report.paths,
          coverage: report.coverage,
        },
      },
    ],
  };
}

function descriptor(rule: RuleInfo) {
  const helpUri = rule.links[0];
  const securitySeverity = rule.category === 'security' ? SECURITY_SEVERITY[rule.severity] : undefined;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: rule.remediation,
      markdown: helpUri ? `${rule.remediation}\n\n[${helpUri}](${helpUri})` : rule.remediation,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      // GitHub shows the severity (security-severity) of alerts tagged `security`.
      tags: [rule.category, ...rule.paths, 'kubernetes'],
      precision: 'high',
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
      severity: rule.severity,
      trustedSeverity: rule.trustedSeverity,
      references: rule.references,
    },
  };
}

function result(finding: Finding, ruleIndex: ReadonlyMap<string, number>) {
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [physical(finding.location)],
    ...(finding.related.length > 0 && {
      relatedLocations: finding.related.map((location, i) => ({ id: i + 1, ...physical(location) })),
    }),
    partialFingerprints: {
      [FINGERPRINT_KEY]: finding.fingerprint,
      // The key GitHub de-duplicates alerts by: ours is independent of the line number already (rule,
      // file, JSON pointer, subject), so an alert survives lines added above it; `:1`, the occurrence.
      primaryLocationLineHash: `${finding.fingerprint}:1`,
    },
    properties: {
      severity: finding.severity,
      category: finding.category,
      path: finding.path,
      subject: finding.subject,
      node: finding.location.node,
      evidence: finding.evidence,
      severityReason: finding.severityReason,
      pointer: finding.location.pointer,
      default: finding.location.default,
    },
  };
}

/** Regions are 1-based; a place we could not pin down is line 1 (GitHub rejects results without one). */
function physical(location: Pick<Location, 'file' | 'line' | 'column'>) {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(location.file) },
      region: { startLine: Math.max(1, location.line), startColumn: Math.max(1, location.column) },
    },
  };
}

function suppression(finding: SuppressedFinding) {
  const { source, reason } = finding.suppression;
  return {
    kind: source === 'annotation' ? ('inSource' as const) : ('external' as const),
    status: 'accepted' as const,
    justification: reason ?? `suppressed by ${source === 'annotation' ? 'annotation' : 'request option'}`,
  };
}

/** SARIF's rule `name`, a friendly identifier (§3.49.7): `kubelet-read-only-port-enabled` → `KubeletReadOnlyPortEnabled`. */
function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
