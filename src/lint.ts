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
import { RULES } from './rules';
import { redactReport } from './security/redact-report';
import type { Network, Severity } from './schemas/common';
import type { Report } from './schemas/report';
import type { RuleInfo } from './schemas/rule';

export type { Upload } from './ingest';
export { LimitError } from './ingest/budget';
export { RULESET_VERSION } from './rules/ruleset-version';

export interface LintOptions {
  network: Network;
  /** `1.31` or `v1.31.2`; null to detect it from the upload. */
  kubernetesVersion: string | null;
  failOn: Severity | null;
  /** Only these rules count (the others' findings are suppressed); null or absent for all. */
  rules?: readonly string[] | null;
  /** Rules whose findings are suppressed: accepted risks. */
  skipRules?: readonly string[];
}

export const DEFAULT_OPTIONS: LintOptions = { network: 'untrusted', kubernetesVersion: null, failOn: null };

/** Every rule as /v1/rules, SARIF and docs/rules.md describe it, in registry order; built once. */
export const RULE_CATALOGUE: readonly RuleInfo[] = RULES.map(describeRule);
const RULE_BY_ID = new Map(RULE_CATALOGUE.map((rule) => [rule.id, rule]));

/** A rule's description by id; undefined for an id no rule has (a Map, so `__proto__` is just unknown). */
export function findRuleInfo(id: string): RuleInfo | undefined {
  return RULE_BY_ID.get(id);
}

// eslint-disable-next-line @typescript-eslint/require-await -- async by contract: certificate checks (WebCrypto) run inside
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
  const model = buildClusterModel(files, {
    network: options.network,
    kubernetesVersion: minorOf(options.kubernetesVersion ?? undefined),
  });
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
