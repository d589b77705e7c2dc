/**
 * The core's public face: `lint(uploads, options)` does the whole job with no Hono and no bindings, so it
 * runs the same in the Worker, the CLI, the tests and the benchmark; and the rule catalogue the API and
 * the CLI show. Nothing above this floor (http/, routes/, ui/, cli/) reaches into ingest, model, engine
 * or rules: it goes through here.
 */
import { LIMITS } from './catalogue/limits';
import { describeRule } from './engine/describe-rule';
import { runRules } from './engine/run-rules';
import { suppressor } from './engine/suppressions';
import { ingestFile, type IngestedFile, type Upload } from './ingest';
import { Budget, LimitError } from './ingest/budget';
import { buildClusterModel } from './model/cluster-model';
import { minorOf } from './model/version';
import { buildReport } from './report/build';
import { withRuleFields as restoreRuleFields } from './report/rule-fields';
import { RULES } from './rules';
import { redactReport } from './security/redact-report';
import type { Network, Severity } from './schemas/common';
import type { LintOptionsInput } from './schemas/lint-request';
import type { Problem } from './schemas/problem';
import type { InputFile, Report } from './schemas/report';
import type { RuleInfo } from './schemas/rule';

export type { Upload } from './ingest';
export { LimitError } from './ingest/budget';
export { RULESET_VERSION } from './rules/ruleset-version';
export { withoutRuleFields } from './report/rule-fields';

export interface LintOptions {
  network: Network;
  /** `1.31` or `v1.31.2`; null to detect it from the upload. */
  kubernetesVersion: string | null;
  failOn: Severity | null;
  /** Only these rules count (the others' findings are suppressed); null or absent for all. */
  rules?: readonly string[] | null;
  /** Rules whose findings are suppressed: accepted risks. */
  skipRules?: readonly string[];
  /** When certificates are judged (RFC 3339 in the API); the time of the call when absent. */
  asOf?: Date;
  /** A certificate expiring within this many days of `asOf` is reported; 30 when absent. */
  certificateWarningDays?: number;
}

export const DEFAULT_OPTIONS: LintOptions = { network: 'untrusted', kubernetesVersion: null, failOn: null };

/**
 * The options of the API and of the CLI, as validated by LintOptionsInput, in the form lint() takes:
 * one mapping for both, so an option means the same wherever it is given.
 */
export function lintOptionsFrom(input: LintOptionsInput): LintOptions {
  return {
    network: input.network,
    kubernetesVersion: input.kubernetesVersion ?? null,
    failOn: input.failOn ?? null,
    rules: input.rules ? ruleIdList(input.rules) : null,
    skipRules: ruleIdList(input.skipRules),
    ...(input.asOf ? { asOf: new Date(input.asOf) } : {}),
    ...(input.certificateWarningDays === undefined
      ? {}
      : { certificateWarningDays: input.certificateWarningDays }),
  };
}

/** `a,b,a` → `[a, b]`: the ids of a `rules` or `skipRules` option. */
export function ruleIdList(option: string | undefined): string[] {
  return option ? [...new Set(option.split(','))] : [];
}

/** Every rule as /v1/rules, SARIF and docs/rules.md describe it, in registry order; built once. */
export const RULE_CATALOGUE: readonly RuleInfo[] = RULES.map(describeRule);
const RULE_BY_ID = new Map(RULE_CATALOGUE.map((rule) => [rule.id, rule]));

/** A rule's description by id; undefined for an id no rule has (a Map, so `__proto__` is just unknown). */
export function findRuleInfo(id: string): RuleInfo | undefined {
  return RULE_BY_ID.get(id);
}

/** A report posted back without its findings' rule fields (the form's page), with them from the catalogue. */
export function withRuleFields(value: unknown): unknown {
  return restoreRuleFields(value, findRuleInfo);
}

export async function lint(
  uploads: readonly Upload[],
  options: LintOptions = DEFAULT_OPTIONS,
): Promise<Report> {
  if (uploads.length > LIMITS.maxFiles) {
    throw new LimitError(
      'maxFiles',
      `the request has ${uploads.length} files; at most ${LIMITS.maxFiles} are accepted`,
    );
  }
  // One budget for the whole request: every file, embedded document and alias use draws on it.
  const budget = new Budget();
  const files = uploads.map((upload) => safeIngest(upload, budget));
  const asOf = options.asOf ?? new Date();
  const model = buildClusterModel(files, {
    network: options.network,
    kubernetesVersion: minorOf(options.kubernetesVersion ?? undefined),
    asOf,
    budget,
    ...(options.certificateWarningDays === undefined
      ? {}
      : { certificateWarningDays: options.certificateWarningDays }),
  });
  // The one asynchronous step: read the certificates flags name and check their signatures (WebCrypto),
  // so that every rule after it is synchronous.
  await model.certificates.verify();
  const suppressions = { rules: options.rules ?? null, skipRules: options.skipRules ?? [] };
  const results = runRules(RULES, model, suppressor(suppressions, files));
  // Everything the report echoes of the upload, redacted once for every format.
  return redactReport(
    buildReport({
      files,
      model,
      rules: RULES,
      results,
      network: options.network,
      failOn: options.failOn,
      only: suppressions.rules,
      skipRules: suppressions.skipRules,
    }),
  );
}

export type UnusableFile = NonNullable<Problem['files']>[number];

/**
 * When no file holds a configuration kube-comms-lint reads, why, file by file (the API answers 400 with
 * these, the CLI exits 2); undefined when at least one document was recognized.
 */
export function whyNothingRecognized(report: Report): UnusableFile[] | undefined {
  if (report.inputs.some((file) => file.documents.some((doc) => doc.recognized))) return undefined;
  return report.inputs.map(whyUnusable);
}

function whyUnusable(file: InputFile): UnusableFile {
  const error = file.errors[0];
  if (error) return { file: file.file, reason: error.message, line: error.line, column: error.column };
  const doc = file.documents[0];
  if (doc) return { file: file.file, reason: `${doc.kind}: ${doc.note ?? 'not recognized'}`, line: doc.line };
  return { file: file.file, reason: 'no YAML or JSON document in the file' };
}

/**
 * A file that breaks the reader is reported as that file's error; its neighbours are still linted. A
 * request over its budget is not a file's fault: that ends the request.
 */
function safeIngest(upload: Upload, budget: Budget): IngestedFile {
  try {
    return ingestFile(upload, budget);
  } catch (error) {
    if (error instanceof LimitError) throw error;
    return {
      name: upload.name,
      errors: [
        { message: 'kube-comms-lint could not read this file (a bug; please report it)', line: 1, column: 1 },
      ],
      objects: [],
      commandLines: [],
      documents: [],
    };
  }
}
