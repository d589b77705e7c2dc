/**
 * Command-line flags as Go's pflag reads them: `--name=value`, `--name value`, bare `--name` for a
 * boolean, the last occurrence winning for a single value and every occurrence adding to a list flag.
 */
import type { Budget } from '../ingest/budget';
import type { ArgWord } from '../ingest/command-line';
import type { Location } from '../schemas/common';
import {
  DASH,
  DIGIT_0,
  DIGIT_9,
  DOT,
  LOWER_A,
  LOWER_Z,
  UNDERSCORE,
  UPPER_A,
  UPPER_Z,
} from '../ingest/char-codes';
import { parseGoBool } from './go-values';

export interface Flag {
  name: string;
  value: string;
  location: Location;
  /** Written with one dash (`-v=2`): pflag reads that as shorthand letters, so only `-v`, `-h` work. */
  shorthand?: true;
}

/** Flags that take no separate value word: `--anonymous-auth --foo` means anonymous-auth=true. */
const BOOLEAN_FLAGS = new Set([
  'allow-privileged',
  'anonymous-auth',
  'authentication-token-webhook',
  'delete-existing-uds-file',
  'enable-bootstrap-token-auth',
  'enable-profiling',
  'kubelet-https',
  'logtostderr',
  'profiling',
  'rotate-certificates',
  'rotate-server-certificates',
  'service-account-lookup',
  'use-service-account-credentials',
  'fail-swap-on',
  'register-node',
  'leader-elect',
  'alsologtostderr',
]);

export class FlagSet {
  constructor(
    readonly flags: readonly Flag[],
    /** Where a flag that is not set would be written. */
    readonly insertAt: Location,
  ) {}

  has(name: string): boolean {
    return this.flags.some((flag) => flag.name === name);
  }

  /** The occurrence that takes effect for a single-valued flag: the last one. */
  get(name: string): Flag | undefined {
    for (let i = this.flags.length - 1; i >= 0; i--) if (this.flags[i]?.name === name) return this.flags[i];
    return undefined;
  }

  /** Every value of a list flag (`--authorization-mode=Node,RBAC`, repeated or comma-separated). */
  list(name: string): Flag[] {
    return this.flags
      .filter((flag) => flag.name === name)
      .flatMap((flag) =>
        flag.value
          .split(',')
          .map((value) => value.trim())
          .filter((value) => value !== '')
          .map((value) => ({ ...flag, value })),
      );
  }

  /** A boolean flag's value as Go's strconv.ParseBool reads it; undefined when unset or unreadable. */
  bool(name: string): boolean | undefined {
    const flag = this.get(name);
    return flag ? parseGoBool(flag.value) : undefined;
  }

  /** This set followed by another: the other's occurrences win. */
  concat(other: FlagSet): FlagSet {
    return new FlagSet([...this.flags, ...other.flags], other.insertAt);
  }
}

/** The flags of one command line's words; the words are charged to the request's `budget` first. */
export function parseFlags(words: readonly ArgWord[], insertAt: Location, budget: Budget): FlagSet {
  budget.spendCommandLine(words);
  const flags: Flag[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) break;
    const text = word.text;
    if (text === '--') break; // pflag: "--" terminates the flags, every word after it is an argument
    const dashes = text.charCodeAt(0) !== DASH ? 0 : text.charCodeAt(1) === DASH ? 2 : 1;
    const equals = text.indexOf('=', dashes);
    const nameEnd = equals < 0 ? text.length : equals;
    if (dashes === 0 || !isFlagName(text, dashes, nameEnd)) continue; // a positional argument
    const name = text.slice(dashes, nameEnd);
    const shorthand = dashes === 2 ? {} : { shorthand: true as const };
    if (equals >= 0) {
      flags.push({ name, value: text.slice(equals + 1), location: word.location, ...shorthand });
      continue;
    }
    const next = words[i + 1];
    if (!BOOLEAN_FLAGS.has(name) && next && !next.text.startsWith('-')) {
      flags.push({ name, value: next.text, location: word.location, ...shorthand });
      i++;
    } else {
      flags.push({ name, value: 'true', location: word.location, ...shorthand });
    }
  }
  return new FlagSet(flags, insertAt);
}

/** `text[from, to)` is a flag's name: a letter or digit, then letters, digits, `_`, `.` and `-`. */
function isFlagName(text: string, from: number, to: number): boolean {
  if (to <= from || !isAlphanumeric(text.charCodeAt(from))) return false;
  for (let at = from + 1; at < to; at++) {
    const code = text.charCodeAt(at);
    if (!isAlphanumeric(code) && code !== UNDERSCORE && code !== DOT && code !== DASH) return false;
  }
  return true;
}

function isAlphanumeric(code: number): boolean {
  return (
    (code >= DIGIT_0 && code <= DIGIT_9) ||
    (code >= UPPER_A && code <= UPPER_Z) ||
    (code >= LOWER_A && code <= LOWER_Z)
  );
}
