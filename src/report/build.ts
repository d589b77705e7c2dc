/** Assembles the JSON report of DESIGN.md from the ingested files, the model and the rule results. */
import type { IngestedFile } from '../ingest';
import type { ClusterModel } from '../model/cluster-model';
import type { CountedFinding, RuleResults } from '../engine/run-rules';
import { compareFindings } from '../engine/finding-order';
import { RULESET_VERSION } from '../rules/ruleset-version';
import type { Rule } from '../engine/rule';
import { SEVERITIES, type Network, type Severity } from '../schemas/common';
import type { Finding } from '../schemas/finding';
import type { InputDocument, OmittedFindings, PathVerdict, Report } from '../schemas/report';
import { pathVerdicts, whatToUpload } from './verdicts';
import { TOOL_VERSION } from '../catalogue/tool';

export interface ReportInput {
  files: readonly IngestedFile[];
  model: ClusterModel;
  rules: readonly Rule[];
  results: RuleResults;
  network: Network;
  failOn: Severity | null;
  /** The request's `rules` option (only these count), echoed in the report; null for all. */
  only?: readonly string[] | null;
  skipRules?: readonly string[];
}

export function buildReport({
  files,
  model,
  rules,
  results,
  network,
  failOn,
  only = null,
  skipRules = [],
}: ReportInput): Report {
  const findings = [...results.findings].sort(compareFindings);
  const suppressed = [...results.suppressed].sort(compareFindings);
  // Counts are of every finding; the lists hold those the answer shows (RuleResults).
  const counted = results.counted.filter((finding) => !finding.suppressed);
  const suppressedCount = results.counted.length - counted.length;
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of counted) bySeverity[finding.severity]++;
  const inputErrors = files.reduce((n, file) => n + file.errors.length, 0);
  const paths = pathVerdicts(model, rules, results);
  // Nothing judged is not a pass (DESIGN.md): a report with no assessed path fails, and says what to upload.
  const assessedPaths = paths.filter((path) => path.verdict !== 'not-assessed').length;
  return {
    tool: { name: 'kube-comms-lint', version: TOOL_VERSION, rulesetVersion: RULESET_VERSION },
    options: {
      network,
      kubernetesVersion: model.version?.minor ?? null,
      kubernetesVersionSource: model.version?.source ?? null,
      failOn,
      rules: only ? [...only] : null,
      skipRules: [...skipRules],
      asOf: model.asOf.toISOString(),
      certificateWarningDays: model.certificateWarningDays,
    },
    summary: {
      findings: counted.length,
      bySeverity,
      inputErrors,
      suppressed: suppressedCount,
      assessedPaths,
      passed:
        inputErrors === 0 &&
        assessedPaths > 0 &&
        !counted.some((f) => atOrAbove(f.severity, failOn ?? 'low')),
      toUpload: whatToUpload(model, rules, results, paths),
    },
    paths: paths.map((path) => withSuppressed(path, results.counted)),
    inputs: files.map((file) => ({
      file: file.name,
      documents: file.pem
        ? file.documents.map((doc) => withCertificateUse(doc, file.name, model))
        : file.documents,
      errors: file.errors,
    })),
    coverage: { evaluated: results.evaluated, notEvaluated: results.notEvaluated },
    findings,
    suppressed,
    omitted: omittedOf(results.counted, findings, suppressed),
  };
}

/**
 * The answer's size cap: of each rule, runRules lists at most LIMITS.maxFindingsPerRule findings (and as
 * many suppressed ones), the first in report order; the rest are counted here, so every format can say
 * what it leaves out. Counts, verdicts and failOn use every finding.
 */
function omittedOf(
  counted: readonly CountedFinding[],
  findings: readonly Finding[],
  suppressed: readonly Finding[],
): OmittedFindings[] {
  const omitted = new Map<string, OmittedFindings>();
  const entry = (ruleId: string) => {
    let known = omitted.get(ruleId);
    if (!known) omitted.set(ruleId, (known = { ruleId, findings: 0, suppressed: 0 }));
    return known;
  };
  for (const finding of counted) entry(finding.ruleId)[finding.suppressed ? 'suppressed' : 'findings']++;
  for (const finding of findings) entry(finding.ruleId).findings--;
  for (const finding of suppressed) entry(finding.ruleId).suppressed--;
  return [...omitted.values()]
    .filter((item) => item.findings > 0 || item.suppressed > 0)
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** A certificate block of a PEM file: who uses it, or that nothing named it, so it was not read. */
function withCertificateUse(doc: InputDocument, file: string, model: ClusterModel): InputDocument {
  if (doc.kind !== 'Certificate' || !doc.recognized) return doc;
  const store = model.certificates;
  const bundle = store.bundles.find((b) => b.file === file && b.name === file);
  const certificate = bundle?.certificates[doc.index];
  const uses = bundle ? store.usesOf(bundle) : [];
  if (!certificate || uses.length === 0)
    return { ...doc, note: 'not named by any uploaded flag or field, so not read' };
  const info = store.info(certificate);
  const used = `used by ${uses.map((use) => `${use.ownerName} ${use.setting}`).join('; ')}`;
  return info
    ? { ...doc, note: `${info.subject.text}, issued by ${info.issuer.text}; ${used}` }
    : { ...doc, recognized: false, note: `${store.problemOf(certificate) ?? 'not a certificate'}; ${used}` };
}

/** Suppressed findings leave a verdict alone, but its reason says they exist. */
function withSuppressed(path: PathVerdict, counted: readonly CountedFinding[]): PathVerdict {
  const count = counted.filter((finding) => finding.suppressed && finding.path === path.id).length;
  return count === 0 ? path : { ...path, reason: `${path.reason}; ${count} suppressed` };
}
