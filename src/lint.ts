/**
 * lint(uploads, options): the whole job, pure and synchronous, with no Hono and no bindings, so it runs
 * the same in the Worker, in tests and in the benchmark.
 */
import { ingestFile, type IngestedFile, type Upload } from './ingest';
import { LIMITS } from './limits';
import { buildClusterModel } from './model/cluster-model';
import { buildReport } from './report/build';
import { RULES } from './rules';
import { runRules } from './rules/engine';
import { suppressor } from './rules/suppressions';
import type { Network, Severity } from './schemas/common';
import type { Report } from './schemas/report';

export interface LintOptions {
  network: Network;
  kubernetesVersion: string | null;
  failOn: Severity | null;
  /** Only these rules count (the others' findings are suppressed); null or absent for all. */
  rules?: readonly string[] | null;
  /** Rules whose findings are suppressed: accepted risks. */
  skipRules?: readonly string[];
}

export const DEFAULT_OPTIONS: LintOptions = { network: 'untrusted', kubernetesVersion: null, failOn: null };

/** Thrown when a request as a whole exceeds a limit; the HTTP layer answers 413 naming it. */
export class LimitError extends Error {
  constructor(
    readonly limit: keyof typeof LIMITS,
    message: string,
  ) {
    super(message);
  }
}

export function lint(uploads: readonly Upload[], options: LintOptions = DEFAULT_OPTIONS): Report {
  if (uploads.length > LIMITS.maxFiles) {
    throw new LimitError(
      'maxFiles',
      `the request has ${uploads.length} files; at most ${LIMITS.maxFiles} are accepted`,
    );
  }
  const files = uploads.map(safeIngest);
  const documents = files.reduce((n, file) => n + file.documents.length + file.errors.length, 0);
  if (documents > LIMITS.maxDocuments) {
    throw new LimitError(
      'maxDocuments',
      `the request holds ${documents} documents; at most ${LIMITS.maxDocuments} are accepted`,
    );
  }
  const model = buildClusterModel(files, options);
  const suppressions = { rules: options.rules ?? null, skipRules: options.skipRules ?? [] };
  const results = runRules(RULES, model, suppressor(suppressions, files));
  return buildReport({
    files,
    model,
    rules: RULES,
    results,
    network: options.network,
    failOn: options.failOn,
    only: suppressions.rules,
    skipRules: suppressions.skipRules,
  });
}

/** A file that breaks the reader is reported as that file's error; its neighbours are still linted. */
function safeIngest(upload: Upload): IngestedFile {
  try {
    return ingestFile(upload);
  } catch {
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
