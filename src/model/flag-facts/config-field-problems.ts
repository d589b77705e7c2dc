/**
 * KubeletConfiguration fields the kubelet cannot load. It decodes the file into its Go types (lenient
 * about unknown fields in v1beta1, never about types: pkg/kubelet/kubeletconfig/util/codec/codec.go), so
 * a boolean written as a string or a duration as a bare number stops it; and it checks the names of
 * tlsCipherSuites, tlsMinVersion, authorization.mode and featureGates exactly as it checks the flags
 * (cmd/kubelet/app/server.go InitializeTLS, auth.go, the feature gate's SetFromMap). Each field's type
 * is the type of the flag that sets it (they agree, field by field, with kubernetes/kubelet
 * config/v1beta1/types.go at kubernetes-1.35.0).
 */
import { goDurationProblem } from '../go-values';
import { KUBE_TABLES } from './tables';
import { Suggestions } from './closest';
import { valueProblems, type ValueKind, type ValueProblem } from './value-problems';

export interface FieldProblem extends ValueProblem {
  /** Dotted KubeletConfiguration field (`authentication.anonymous.enabled`). */
  field: string;
  /** The flag that sets the same field. */
  flag: string;
}

/** Field → the flag that sets it and its type, from the kubelet's flag table. */
const FIELDS: ReadonlyMap<string, { flag: string; type: string }> = new Map(
  [...KUBE_TABLES.kubelet.flags].flatMap(([flag, row]) =>
    row.extra.fld ? [[row.extra.fld, { flag, type: row.type }] as const] : [],
  ),
);

/** What a YAML value is in JSON, as encoding/json names it in its errors. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

const GO_TYPES: Record<string, (value: unknown) => boolean> = {
  bool: (v) => typeof v === 'boolean',
  int: (v) => Number.isInteger(v),
  int32: (v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31,
  uint: (v) => Number.isInteger(v) && (v as number) >= 0,
  uint32: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 32,
  float: (v) => typeof v === 'number',
  duration: (v) => typeof v === 'string',
  string: (v) => typeof v === 'string',
  stringSlice: (v) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
  mapStringBool: (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'boolean'),
};

/** How Go names the types in its errors. */
const GO_NAMES: Record<string, string> = {
  int: 'int64',
  float: 'float64',
  stringSlice: '[]string',
  mapStringBool: 'map[string]bool',
};

/** Fields whose values are names the kubelet checks. */
const NAMED: Record<string, ValueKind> = {
  tlsCipherSuites: 'cipherSuites',
  tlsMinVersion: 'tlsVersion',
  'authorization.mode': 'authorizationModes',
  featureGates: 'featureGates',
};

/** The text a named field's value stands for in the flag form (`A=true,B=false`, `X,Y`). */
function flagText(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && value !== null)
    return Object.entries(value)
      .map(([key, enabled]) => `${key}=${String(enabled)}`)
      .join(',');
  return String(value);
}

/** The first part of every field's name, and the parts after it: a config is walked by its own keys. */
const PARENTS: ReadonlySet<string> = new Set(
  [...FIELDS.keys()].flatMap((field) =>
    field
      .split('.')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('.')),
  ),
);

/** The fields `config` sets, by dotted name: its own keys, followed into the objects fields live in. */
function writtenFields(config: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return out;
  for (const [key, value] of Object.entries(config)) {
    // A key with a dot is no field, whatever its text: `a.b` is the field b inside a.
    if (key.includes('.')) continue;
    const field = prefix + key;
    if (FIELDS.has(field)) out.set(field, value);
    if (PARENTS.has(field)) writtenFields(value, `${field}.`, out);
  }
  return out;
}

/**
 * The problems of the fields one KubeletConfiguration sets (null or absent fields are left to their
 * defaults, as the kubelet leaves them), judged for `version`. A config names a few of the hundred
 * fields: it is walked by its keys, and the problems come in the fields' table order.
 */
export function configFieldProblems(
  config: unknown,
  version: string | null,
  suggestions = new Suggestions(),
): FieldProblem[] {
  const written = writtenFields(config);
  if (written.size === 0) return [];
  const problems: FieldProblem[] = [];
  // In the table's order; a loop, as most of the hundred fields are not written.
  for (const [field, { flag, type }] of FIELDS) {
    const value = written.get(field);
    if (value !== undefined && value !== null)
      for (const problem of fieldProblems(field, flag, type, value, version, suggestions))
        problems.push(problem);
  }
  return problems;
}

function fieldProblems(
  field: string,
  flag: string,
  type: string,
  value: unknown,
  version: string | null,
  suggestions: Suggestions,
): FieldProblem[] {
  const fits = GO_TYPES[type];
  if (fits && !fits(value)) {
    // metav1.Duration decodes itself from a JSON string (apimachinery meta/v1 duration.go UnmarshalJSON).
    const into =
      type === 'duration'
        ? 'Go value of type string'
        : `Go struct field KubeletConfiguration.${field} of type ${GO_NAMES[type] ?? type}`;
    return [
      { field, flag, certain: true, message: `json: cannot unmarshal ${jsonType(value)} into ${into}` },
    ];
  }
  if (type === 'duration') {
    const error = goDurationProblem(value as string);
    return error ? [{ field, flag, certain: true, message: error }] : [];
  }
  const kind = NAMED[field];
  if (!kind) return [];
  return valueProblems(kind, flagText(value), 'kubelet', version, flag, suggestions).map((problem) => ({
    ...problem,
    field,
    flag,
  }));
}
