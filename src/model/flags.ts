/**
 * Command-line flags as Go's pflag reads them: `--name=value`, `--name value`, bare `--name` for a
 * boolean, the last occurrence winning for a single value and every occurrence adding to a list flag.
 */
import type { ArgWord } from '../ingest/command-line';
import type { Location } from '../schemas/common';
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

export function parseFlags(words: readonly ArgWord[], insertAt: Location): FlagSet {
  const flags: Flag[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word) break;
    const match = /^--?([A-Za-z0-9][\w.-]*)(?:=([\s\S]*))?$/.exec(word.text);
    if (!match) continue; // a positional argument
    const name = match[1] ?? '';
    if (word.text === '--') break;
    const shorthand = word.text.startsWith('--') ? {} : { shorthand: true as const };
    if (match[2] !== undefined) {
      flags.push({ name, value: match[2], location: word.location, ...shorthand });
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
