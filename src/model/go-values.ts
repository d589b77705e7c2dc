/**
 * Values as the Go programs parse them (the flag library pflag calls Go's strconv, time and net), with
 * the error text they print: what decides whether a component accepts `--port=0x1F` or `--timeout=5`.
 */

/** strconv.ParseBool. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

const DIGITS: Record<string, RegExp> = { x: /^[0-9a-fA-F_]+$/, o: /^[0-7_]+$/, b: /^[01_]+$/ };

/**
 * strconv.ParseInt(s, 0, bits) (ParseUint when `unsigned`): base prefixes 0x, 0o, 0b, a leading 0 for
 * octal, `_` between digits. Returns the value, or the error Go prints.
 */
export function parseGoInt(text: string, bits = 64, unsigned = false): { value: bigint } | { error: string } {
  const fn = `strconv.Parse${unsigned ? 'Uint' : 'Int'}`;
  const syntax = { error: `${fn}: parsing "${text}": invalid syntax` };
  const sign = /^[+-]/.test(text) ? text.charAt(0) : '';
  if (unsigned && sign) return syntax;
  const body = text.slice(sign.length);
  const prefix = /^0[xXoObB]/.exec(body)?.[0] ?? '';
  const rest = body.slice(prefix.length);
  const digits = prefix ? DIGITS[prefix.charAt(1).toLowerCase()] : /^[0-9_]+$/;
  if (rest === '' || !digits?.test(rest)) return syntax;
  // Underscores only between digits (right after a base prefix too).
  if (rest.includes('__') || rest.endsWith('_') || (!prefix && rest.startsWith('_'))) return syntax;
  const plain = rest.replace(/_/g, '');
  let value: bigint;
  if (prefix) value = BigInt(`0${prefix.charAt(1).toLowerCase()}${plain}`);
  else if (plain.length > 1 && plain.startsWith('0')) {
    if (!/^[0-7]+$/.test(plain)) return syntax;
    value = BigInt(`0o${plain.slice(1)}`);
  } else value = BigInt(plain);
  if (sign === '-') value = -value;
  const limit = 1n << BigInt(unsigned ? bits : bits - 1);
  if (unsigned ? value >= limit : value >= limit || value < -limit)
    return { error: `${fn}: parsing "${text}": value out of range` };
  return { value };
}

/** strconv.ParseFloat, for the forms a configuration writes. */
export const isGoFloat = (text: string): boolean =>
  /^[+-]?((\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(text);

const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/**
 * The error time.ParseDuration prints, or undefined when it reads the text: `0` alone, or numbers each
 * with a unit (`300ms`, `1h30m`, `.5s`, `-5s`), read the way Go reads it (time/format.go ParseDuration).
 */
export function goDurationProblem(text: string): string | undefined {
  const invalid = `time: invalid duration "${text}"`;
  let rest = text.replace(/^[-+]/, '');
  if (rest === '0') return undefined;
  if (rest === '') return invalid;
  while (rest !== '') {
    const number = /^(\d+(\.\d*)?|\.\d+)/.exec(rest)?.[0];
    if (number === undefined) return invalid;
    rest = rest.slice(number.length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration "${text}"`;
    if (!DURATION_UNITS.has(unit)) return `time: unknown unit "${unit}" in duration "${text}"`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

function isIPv4(text: string, leadingZeros: boolean): boolean {
  const octets = text.split('.');
  return (
    octets.length === 4 &&
    octets.every(
      (o) => /^\d{1,3}$/.test(o) && Number(o) <= 255 && (leadingZeros || o === '0' || !o.startsWith('0')),
    )
  );
}

function isIPv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  let hex = text;
  const lastColon = hex.lastIndexOf(':');
  const tail = hex.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail, false)) return false;
    hex = `${hex.slice(0, lastColon + 1)}0:0`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/**
 * net.ParseIP; `sloppy` is k8s.io/utils/net ParseIPSloppy, which the kubelet and kube-proxy use and
 * which still allows IPv4 octets with leading zeros.
 */
export function isGoIP(text: string, sloppy = false): boolean {
  return isIPv4(text, sloppy) || isIPv6(text);
}
