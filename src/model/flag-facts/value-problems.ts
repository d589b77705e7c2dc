/**
 * Values a program rejects at startup, from a flag or a config-file field alike, with the message the
 * program prints: booleans, numbers, durations, addresses and port ranges that do not parse (pflag and
 * the k8s.io/kubernetes pkg/util/flag types), and names none of its tables know in that version: cipher
 * suites and TLS versions (component-base cli/flag ciphersuites_flag.go), authorization modes
 * (pkg/kubeapiserver/options/authorization.go, cmd/kubelet/app/auth.go), admission plugins
 * (apiserver pkg/server/options/admission.go) and feature gates (component-base featuregate).
 */
import { goDurationProblem, isGoFloat, isGoIP, parseGoBool, parseGoInt } from '../go-values';
import { Suggestions } from './closest';
import { endOf, firstOf, inRanges, minorNumber, minorText } from './ranges';
import { VALUES, type FlagComponent } from './tables';

export type ValueKind =
  | 'bool'
  | 'int'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint32'
  | 'float'
  | 'duration'
  | 'ip'
  | 'ipport'
  | 'portRange'
  | 'cipherSuites'
  | 'tlsVersion'
  | 'authorizationModes'
  | 'admissionPlugins'
  | 'featureGates'
  | 'mapStringBool';

export interface ValueProblem {
  /** What the program prints. */
  message: string;
  /** The offending item of a list value. */
  item?: string;
  /** For an unknown name: the nearest known one. */
  closest?: string;
  /** For a name the cluster's version does not know: when it came or went (`removed in 1.35`). */
  elsewhere?: string;
  /** A name the tables do not know in this version (rather than a value that does not parse). */
  unknownName?: true;
  /**
   * False when the tables only suggest the failure (a feature gate no table knows, for a version whose
   * gates were not read from the source; a GA gate set to false where its lock was not read).
   */
  certain: boolean;
}

/** Flags whose values are names from a list rather than a plain type. */
const NAMED_VALUES = new Map<string, ValueKind>([
  ['tls-cipher-suites', 'cipherSuites'],
  ['cipher-suites', 'cipherSuites'],
  ['tls-min-version', 'tlsVersion'],
  ['authorization-mode', 'authorizationModes'],
  ['enable-admission-plugins', 'admissionPlugins'],
  ['disable-admission-plugins', 'admissionPlugins'],
  ['admission-control', 'admissionPlugins'],
  ['feature-gates', 'featureGates'],
]);

/** Kinds pflag itself parses ("invalid argument … for … flag"); the others the component checks. */
export const PLAIN_KINDS: ReadonlySet<string> = new Set<string>([
  'bool',
  'int',
  'int32',
  'int64',
  'uint',
  'uint32',
  'float',
  'duration',
  'ip',
  'ipport',
  'portRange',
  'mapStringBool',
]);

/** How a flag's value is checked, from its name and the type the tables give it; undefined: free text. */
export function valueKindOf(flag: string, type: string | undefined): ValueKind | undefined {
  const named = NAMED_VALUES.get(flag.replace(/^-+/, ''));
  if (named) return named;
  return type !== undefined && PLAIN_KINDS.has(type) ? (type as ValueKind) : undefined;
}

/** The programs whose --feature-gates take a component prefix from 1.31. */
const PREFIXED_GATES = new Set<FlagComponent>([
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
]);

const INT_BITS: Record<string, [number, boolean]> = {
  int: [64, false],
  int64: [64, false],
  int32: [32, false],
  uint: [64, true],
  uint32: [32, true],
};

const problem = (message: string, more: Partial<ValueProblem> = {}): ValueProblem[] => [
  { message, certain: true, ...more },
];

/** When a name unknown in this minor is known: `removed in 1.35`, `added in 1.33`. */
function elsewhere(known: string, minor: number): string | undefined {
  const first = firstOf(known);
  if (first !== null && minor < first) return `added in ${minorText(first)}`;
  const end = endOf(known);
  return end !== null && minor >= end ? `removed in ${minorText(end)}` : undefined;
}

/** Names of a list value not in `table` for the minor. */
function unknownNames(
  items: readonly string[],
  table: ReadonlyMap<string, string>,
  minor: number,
  message: (item: string) => string,
  suggestions: Suggestions,
): ValueProblem[] {
  return items.flatMap((item) => {
    const known = table.get(item);
    if (known !== undefined && inRanges(known, minor)) return [];
    const closest = known === undefined ? suggestions.name(item.trim(), table) : undefined;
    const when = known === undefined ? undefined : elsewhere(known, minor);
    return problem(message(item), {
      item,
      unknownName: true,
      ...(closest ? { closest } : {}),
      ...(when ? { elsewhere: when } : {}),
    });
  });
}

/**
 * What the program says about `value` (a config-file list joined with commas), in `version` (null: the
 * newest table). An empty list: it accepts the value, as far as the tables tell.
 */
export function valueProblems(
  kind: ValueKind,
  value: string,
  component: FlagComponent,
  version: string | null,
  /** The flag (or the flag a config field stands for), for the messages that name it. */
  flag = '',
  /** Shared by the calls of one upload. */
  suggestions = new Suggestions(),
): ValueProblem[] {
  const [oldest, newest] = VALUES.versions;
  const minor = Math.min(Math.max(minorNumber(version) ?? newest, oldest), newest);
  const bits = INT_BITS[kind];
  if (bits) {
    const parsed = parseGoInt(value, ...bits);
    return 'error' in parsed ? problem(parsed.error) : [];
  }
  switch (kind) {
    case 'bool':
      return parseGoBool(value) === undefined
        ? problem(`strconv.ParseBool: parsing "${value}": invalid syntax`)
        : [];
    case 'float':
      return isGoFloat(value) ? [] : problem(`strconv.ParseFloat: parsing "${value}": invalid syntax`);
    case 'duration': {
      const error = goDurationProblem(value);
      return error ? problem(error) : [];
    }
    case 'ip': {
      // The kubelet and kube-proxy parse with k8s.io/utils/net ParseIPSloppy (pkg/util/flag/flags.go IPVar);
      // the others with pflag's IPVar (net.ParseIP of the trimmed text, ip.go).
      if (component === 'kubelet' || component === 'kube-proxy')
        return value === '' || isGoIP(value, true) ? [] : problem(`"${value}" is not a valid IP address`);
      return value === '' || isGoIP(value.trim()) ? [] : problem(`failed to parse IP: "${value}"`);
    }
    case 'ipport':
      return ipPortProblems(value);
    case 'portRange':
      return portRangeProblems(value);
    case 'cipherSuites':
      if (value === '') return [];
      return unknownNames(
        value.split(','),
        VALUES.ciphers,
        minor,
        (item) => `Cipher suite ${item} not supported or doesn't exist`,
        suggestions,
      );
    case 'tlsVersion':
      if (value === '') return [];
      return unknownNames(
        [value],
        VALUES.minTlsVersions,
        minor,
        (item) => `unknown tls version "${item}"`,
        suggestions,
      );
    case 'authorizationModes':
      return authorizationProblems(value, component, minor, suggestions);
    case 'admissionPlugins':
      if (value === '') return [];
      return unknownNames(
        value.split(','),
        VALUES.admission,
        minor,
        (item) => `${flag.replace(/^-+/, '')} plugin "${item}" is unknown`,
        suggestions,
      );
    case 'featureGates':
    case 'mapStringBool':
      return gateProblems(kind, value, component, minor, suggestions);
    default:
      return [];
  }
}

/** kube-proxy --healthz-bind-address, --metrics-bind-address (pkg/util/flag IPPortVar). */
function ipPortProblems(value: string): ValueProblem[] {
  if (value === '' || isGoIP(value, true)) return [];
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(value);
  if (!match) return problem(`"${value}" is not in a valid format (ip or ip:port)`);
  const [, host = '', port = ''] = match;
  if (!isGoIP(host, true)) return problem(`"${host}" is not a valid IP address`);
  return Number(port) <= 65535 ? [] : problem(`"${port}" is not a valid number`);
}

/** `N`, `N1-N2` or `N1+offset` (apimachinery util/net PortRange.Set). */
function portRangeProblems(value: string): ValueProblem[] {
  const text = value.trim();
  if (text === '') return [];
  const wrong = (why: string) => problem(`"${value}" is not a valid port range: ${why}`);
  const number = (s: string) => (/^[+-]?\d+$/.test(s) ? Number(s) : null);
  const dash = text.indexOf('-', 1);
  const plus = text.indexOf('+');
  if (dash > 0 && plus >= 0) return wrong(`unable to parse port range: ${text}`);
  let low: number | null;
  let high: number | null;
  if (dash > 0) {
    low = number(text.slice(0, dash));
    high = number(text.slice(dash + 1));
  } else if (plus >= 0) {
    low = number(text.slice(0, plus));
    const offset = number(text.slice(plus + 1));
    high = low !== null && offset !== null ? low + offset : null;
  } else {
    low = high = number(text);
  }
  if (low === null || high === null) return wrong(`strconv.Atoi: parsing "${text}": invalid syntax`);
  if (low > 65535 || high > 65535) return wrong(`the port range cannot be greater than 65535: ${text}`);
  if (high < low) return wrong(`end port cannot be less than start port: ${text}`);
  return [];
}

function authorizationProblems(
  value: string,
  component: FlagComponent,
  minor: number,
  suggestions: Suggestions,
): ValueProblem[] {
  if (component === 'kubelet') {
    if (value === '') return problem('no authorization mode specified');
    return unknownNames(
      [value],
      VALUES.authorizationModes.kubelet,
      minor,
      (mode) => `unknown authorization mode ${mode}`,
      suggestions,
    );
  }
  const modes = value === '' ? [] : value.split(',');
  if (modes.length === 0) return problem('at least one authorization-mode must be passed');
  const unknown = unknownNames(
    modes,
    VALUES.authorizationModes['kube-apiserver'],
    minor,
    (mode) => `authorization-mode "${mode}" is not a valid mode`,
    suggestions,
  );
  // Go's %q of the whole list: ["Node" "RBAC" "Node"].
  const repeated = modes.some((mode, i) => modes.indexOf(mode) !== i);
  const list = `[${modes.map((mode) => `"${mode}"`).join(' ')}]`;
  return [
    ...unknown,
    ...(repeated ? problem(`authorization-mode ${list} has mode specified more than once`) : []),
  ];
}

/** Is the gate locked to a value in the minor (source-read minors only)? */
function gateLock(name: string, minor: number): boolean | undefined {
  for (const run of (VALUES.gateLocks.get(name) ?? '').split(',')) {
    const [span = '', locked] = run.split(':');
    if (span !== '' && inRanges(span, minor)) return locked === '1';
  }
  return undefined;
}

/**
 * `--feature-gates=A=true,B=false` and the kubelet's featureGates: each pair must parse, each gate must be
 * known in the minor, and a locked gate may not be set against its lock.
 */
function gateProblems(
  kind: ValueKind,
  value: string,
  component: FlagComponent,
  minor: number,
  suggestions: Suggestions,
): ValueProblem[] {
  // The kubelet reads --feature-gates as a cliflag.MapStringBool first; the others with featureGate.Set.
  const mapStyle = kind === 'mapStringBool' || component === 'kubelet';
  const [readFrom, readTo] = VALUES.gateLocksRead;
  const sourceRead = minor >= readFrom && minor <= readTo;
  // From 1.31 these three read `component:Gate=bool` pairs (component-base compatibility registry); the
  // component is `kube`, or empty for kube.
  const prefixed = minor >= 31 && PREFIXED_GATES.has(component) && kind === 'featureGates';
  const prefixes = new Set<string>();
  const found = value.split(',').flatMap((item): ValueProblem[] => {
    let pair = item;
    if (prefixed && item !== '') {
      const colon = item.indexOf(':');
      const owner = colon < 0 ? '' : item.slice(0, colon).trim();
      pair = colon < 0 ? item.trim() : item.slice(colon + 1).trim();
      prefixes.add(owner);
      if (owner !== '' && owner !== 'kube')
        return problem(`component not registered: ${owner}`, { item: owner });
    }
    if (pair === '') return [];
    const equals = pair.indexOf('=');
    const name = (equals < 0 ? pair : pair.slice(0, equals)).trim();
    if (equals < 0)
      return problem(mapStyle ? 'malformed pair, expect string=bool' : `missing bool value for ${name}`, {
        item: name,
      });
    const text = pair.slice(equals + 1).trim();
    const enabled = parseGoBool(text);
    if (enabled === undefined) {
      const why = `strconv.ParseBool: parsing "${text}": invalid syntax`;
      return problem(
        mapStyle
          ? `invalid value of ${name}: ${text}, err: ${why}`
          : `invalid value of ${name}=${text}, err: ${why}`,
        {
          item: name,
        },
      );
    }
    if (kind === 'mapStringBool' || name === 'AllAlpha' || name === 'AllBeta') return [];
    const gate = VALUES.gates.get(name);
    if (!gate || !inRanges(gate.known, minor)) {
      const closest = gate ? undefined : suggestions.name(name, VALUES.gates);
      const when = gate ? elsewhere(gate.known, minor) : undefined;
      return problem(`unrecognized feature gate: ${name}`, {
        item: name,
        unknownName: true,
        certain: gate !== undefined || sourceRead,
        ...(closest ? { closest } : {}),
        ...(when ? { elsewhere: when } : {}),
      });
    }
    const lock = gateLock(name, minor);
    if (lock !== undefined && lock !== enabled)
      return problem(`cannot set feature gate ${name} to ${enabled}, feature is locked to ${lock}`, {
        item: name,
      });
    if (lock === undefined && !sourceRead && !enabled && gate.gaFrom > 0 && minor >= gate.gaFrom) {
      return problem(`cannot set feature gate ${name} to false, feature is locked to true`, {
        item: name,
        certain: false,
      });
    }
    return [];
  });
  if (prefixes.has('') && prefixes.has('kube'))
    found.push(
      ...problem(
        'set kube feature gates with default empty prefix or kube: prefix consistently, do not mix use',
      ),
    );
  return found;
}
