/**
 * The options the CLI shares with the API, in one table: each flag, the API option (a LintOptionsInput
 * field) it sets, and its help. They are validated by the API's own schema and mapped by the API's own
 * lintOptionsFrom(), so a flag means exactly what the API option means and a bad value gets the same
 * reason. A new API option is one line in API_OPTIONS.
 */
import { findRuleInfo, lintOptionsFrom, ruleIdList, type LintOptions } from '../lint';
import { LintOptionsInput, type Format } from '../schemas/lint-request';
import { RefusedRun } from './exit-status';

interface ApiOption {
  flag: string;
  option: keyof LintOptionsInput;
  value: string;
  help: string;
}

export const API_OPTIONS = [
  {
    flag: 'network',
    option: 'network',
    value: 'MODE',
    help: "untrusted (the default, the docs' premise) or trusted, which lowers some severities",
  },
  {
    flag: 'kubernetes-version',
    option: 'kubernetesVersion',
    value: 'VERSION',
    help: '1.31 or v1.31.2; detected from image tags when absent',
  },
  {
    flag: 'fail-on',
    option: 'failOn',
    value: 'SEVERITY',
    help: 'critical, high, medium, low or info: the report fails (exit 1) on a finding at or above it; low when absent',
  },
  { flag: 'rules', option: 'rules', value: 'IDS', help: 'only these rules (comma-separated ids) count' },
  {
    flag: 'skip-rules',
    option: 'skipRules',
    value: 'IDS',
    help: 'accepted risks: these rules (comma-separated ids) are suppressed',
  },
  {
    flag: 'as-of',
    option: 'asOf',
    value: 'TIME',
    help: 'when certificates are judged, RFC 3339 (2026-06-01T00:00:00Z); now when absent',
  },
  {
    flag: 'certificate-warning-days',
    option: 'certificateWarningDays',
    value: 'DAYS',
    help: 'certificate-expiring-soon reports a certificate expiring within this many days of --as-of (30)',
  },
  {
    flag: 'format',
    option: 'format',
    value: 'FORMAT',
    help: 'text (the default), json, sarif, junit, markdown or svg',
  },
  {
    flag: 'stdin-filename',
    option: 'filename',
    value: 'NAME',
    help: 'the name (path on the node) of what `-` reads; default stdin',
  },
] as const satisfies readonly ApiOption[];

export type ApiFlag = (typeof API_OPTIONS)[number]['flag'];

export interface RunOptions {
  lint: LintOptions;
  format: Format;
  stdinFilename: string;
}

/** The CLI's default where the API negotiates with Accept: a person at a terminal reads text. */
const DEFAULT_FORMAT: Format = 'text';

export function runOptionsFrom(values: Partial<Record<ApiFlag, string>>): RunOptions {
  const input: Record<string, string> = {};
  for (const { flag, option } of API_OPTIONS) {
    const value = values[flag];
    if (value !== undefined) input[option] = value;
  }
  const parsed = LintOptionsInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RefusedRun(`${flagOf(issue?.path[0])}: ${issue?.message ?? 'invalid value'}`);
  }
  for (const option of ['rules', 'skipRules'] as const) {
    const unknown = ruleIdList(parsed.data[option]).filter((id) => !findRuleInfo(id));
    if (unknown.length > 0)
      throw new RefusedRun(`${flagOf(option)}: no rule has the id ${unknown.join(', ')}`);
  }
  return {
    lint: lintOptionsFrom(parsed.data),
    format: parsed.data.format ?? DEFAULT_FORMAT,
    stdinFilename: parsed.data.filename ?? 'stdin',
  };
}

function flagOf(option: PropertyKey | undefined): string {
  const entry = API_OPTIONS.find((candidate) => candidate.option === option);
  return entry ? `--${entry.flag}` : `option ${String(option)}`;
}
