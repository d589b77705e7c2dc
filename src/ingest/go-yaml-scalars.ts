/**
 * What a scalar's text becomes in Kubernetes: sigs.k8s.io/yaml decodes with go-yaml v2, whose resolve.go
 * is not js-yaml's YAML 1.1 schema. Booleans and nulls come from a fixed list of words; text that starts
 * with a digit, a sign or a dot is a number when Go's strconv reads it as one (`_` removed): `0x1F`,
 * `0o17`, `0b101` and `0777` are integers, `1e3` and `08` floats, and there are no base-60 numbers
 * (`1:20` stays text). Timestamps stay text too, since go-yaml hands them to sigs.k8s.io/yaml as text.
 */
import { DASH, DIGIT_0, DIGIT_9, DOT, PLUS, UNDERSCORE } from './char-codes';

/** resolve.go's table of words: every value is defined, so `get` alone tells whether a word is in it. */
const WORDS = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (w) => [w, false] as const,
  ),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, Number.POSITIVE_INFINITY] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, Number.NEGATIVE_INFINITY] as const),
]);

/** strconv.ParseInt's syntax with base 0: a sign, then a 0b, 0o, 0x or octal 0 prefix, or decimal. */
const GO_INTEGER = /^([-+]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;
/** resolve.go's yamlStyleFloat, for text that starts with a digit or a sign. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What strconv.ParseFloat reads of text that starts with a dot (no `_` is removed there). */
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

type Kind = 'int' | 'float' | 'bool' | 'null' | 'str';

interface Resolved {
  kind: Kind;
  value: unknown;
}

/** go-yaml v2's `resolve("", text)`, with the kind it gives the value. */
function resolve(text: string): Resolved {
  const word = WORDS.get(text);
  if (word !== undefined) {
    return { kind: word === null ? 'null' : typeof word === 'boolean' ? 'bool' : 'float', value: word };
  }
  const first = text.charCodeAt(0);
  if (first === DOT) {
    return DOT_FLOAT.test(text) ? finiteFloat(text, text) : { kind: 'str', value: text };
  }
  const signed = first === PLUS || first === DASH;
  if (!signed && (first < DIGIT_0 || first > DIGIT_9)) return { kind: 'str', value: text };
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const integer = GO_INTEGER.exec(plain);
  // Most integers are short decimals: read those without a BigInt.
  if (integer && plain.length < 16 && !/[bBoOxX]/.test(plain)) {
    const digits = integer[2] ?? '';
    const magnitude =
      digits.length > 1 && digits.charCodeAt(0) === DIGIT_0 ? parseInt(digits, 8) : Number(digits);
    return { kind: 'int', value: integer[1] === '-' ? 0 - magnitude : magnitude };
  }
  const big = integer ? bigInteger(integer[1] ?? '', integer[2] ?? '') : undefined;
  // ParseInt, then ParseUint (which takes no sign), then the float, then math/big after a range error.
  if (big !== undefined && ((big >= INT64_MIN && big <= INT64_MAX) || (!signed && big <= UINT64_MAX))) {
    return { kind: 'int', value: Number(big) };
  }
  if (GO_FLOAT.test(plain)) {
    const float = finiteFloat(plain, text);
    if (float.kind === 'float') return float;
  }
  if (big !== undefined && !signed) return { kind: 'int', value: Number(big) };
  return { kind: 'str', value: text };
}

function bigInteger(sign: string, digits: string): bigint {
  // `0777`: Go's leading-0 octal, which BigInt spells 0o777.
  const magnitude = BigInt(/^0[0-7]/.test(digits) ? `0o${digits.slice(1)}` : digits);
  return sign === '-' ? -magnitude : magnitude;
}

/** strconv.ParseFloat refuses a number beyond float64's range, and go-yaml then keeps the text. */
function finiteFloat(plain: string, text: string): Resolved {
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'float', value } : { kind: 'str', value: text };
}

/**
 * The first characters a word of the table or a number can begin with (a digit, a sign or a dot). Most
 * scalars of a manifest (names, paths, images) start with none of them and are text as written, which
 * spares them the table lookup and the resolved pair.
 */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of '0123456789+-.~yYnNtTfFoO') MAY_RESOLVE[c.charCodeAt(0)] = 1;

/** An untagged plain scalar's value (`8080`, `true`, `~`, `0777`, text). */
export function plainScalar(text: string): unknown {
  const first = text.charCodeAt(0); // NaN for the empty text, which goes on to resolve (null)
  if (first >= 128 || MAY_RESOLVE[first] === 0) return text;
  // A command's flags (`--secure-port=6443`, `-v`): a sign then neither a digit, a dot nor `_` (removed
  // before strconv reads it) is in no word of the table and no number.
  if ((first === DASH || first === PLUS) && !mayFollowSign(text.charCodeAt(1))) return text;
  return resolve(text).value;
}

function mayFollowSign(code: number): boolean {
  return (code >= DIGIT_0 && code <= DIGIT_9) || code === DOT || code === UNDERSCORE;
}

const TAG_PREFIX = 'tag:yaml.org,2002:';
/** The kinds each standard tag accepts; `!!float` also takes an integer, as go-yaml converts it. */
const TAG_KINDS: Readonly<Record<string, readonly Kind[]>> = {
  [`${TAG_PREFIX}int`]: ['int'],
  [`${TAG_PREFIX}float`]: ['float', 'int'],
  [`${TAG_PREFIX}bool`]: ['bool'],
  [`${TAG_PREFIX}null`]: ['null'],
};

/** A tagged scalar as go-yaml reads it, or undefined when go-yaml refuses the text for that tag. */
export function taggedScalar(text: string, tag: string): { value: unknown } | undefined {
  const full = tag.startsWith('!!') ? TAG_PREFIX + tag.slice(2) : verbatim(tag);
  if (full === `${TAG_PREFIX}binary`) {
    const decoded = base64Text(text);
    return decoded === undefined ? undefined : { value: decoded };
  }
  const kinds = Object.hasOwn(TAG_KINDS, full) ? TAG_KINDS[full] : undefined;
  // Other tags (`!!str`, `!Ref`, `!!timestamp`) keep the text: go-yaml resolves no other tag.
  if (!kinds) return { value: text };
  const resolved = resolve(text);
  return kinds.includes(resolved.kind) ? { value: resolved.value } : undefined;
}

/** `!<tag:yaml.org,2002:int>` names its tag in full. */
function verbatim(tag: string): string {
  return tag.startsWith('!<') && tag.endsWith('>') ? tag.slice(2, -1) : tag;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Go's padded standard base64 (line breaks ignored), as text: the bytes read as UTF-8, as Go's JSON does. */
function base64Text(text: string): string | undefined {
  const compact = text.replace(/[\r\n]/g, '');
  if (!BASE64.test(compact)) return undefined;
  const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
