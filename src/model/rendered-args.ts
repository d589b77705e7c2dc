/**
 * The command line a distribution renders for a component from flags of its own and the user's
 * `extraArgs` (Talos, k0s): its defaults sit at the place the user would write an extra argument, the
 * user's arguments at their own place, so a finding points at what to change.
 */
import type { ArgWord } from '../ingest/command-line';
import type { SourceDocument } from '../ingest/source-document';
import { childPointer } from '../ingest/positions';
import { isPlainObject, scalarText } from '../ingest/yaml';
import type { Location } from '../schemas/common';

/** One user argument: `name` without the dashes, each value passed as its own `--name=value`. */
export interface UserArg {
  name: string;
  values: string[];
  location: Location;
}

/**
 * `overwrite`: the user's values replace the default's. `additive`: comma lists are joined without
 * duplicates (Talos' argsbuilder MergeAdditive). `denied`: the distribution refuses the configuration.
 */
export type MergePolicy = 'overwrite' | 'additive' | 'denied';

/** A map of `flag: value` (a value may be a list: Talos since 1.12 passes each one). */
export function mapArgs(doc: SourceDocument, pointer: string): UserArg[] {
  const value = doc.get(pointer);
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([name, raw]) => {
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((item) => {
      const text = scalarText(item);
      return text === undefined ? [] : [text];
    });
    return values.length > 0
      ? [{ name: name.replace(/^--?/, ''), values, location: doc.at(childPointer(pointer, name)) }]
      : [];
  });
}

export interface RenderedArgs {
  words: ArgWord[];
  /** User arguments the distribution refuses: it does not start the component with this configuration. */
  denied: UserArg[];
}

/** Defaults merged with the user's arguments, in flag order (both distributions sort their flags by name). */
export function renderArgs(
  defaults: ReadonlyArray<readonly [string, string]>,
  user: readonly UserArg[],
  insertAt: Location,
  policies: Readonly<Record<string, MergePolicy>> = {},
): RenderedArgs {
  const merged = new Map<string, Array<{ value: string; location: Location }>>();
  for (const [name, value] of defaults) merged.set(name, [{ value, location: insertAt }]);
  const denied: UserArg[] = [];
  for (const arg of user) {
    const policy = Object.hasOwn(policies, arg.name) ? policies[arg.name] : 'overwrite';
    if (policy === 'denied') {
      denied.push(arg);
      continue;
    }
    if (policy === 'additive') {
      const seen = new Set<string>();
      for (const item of [...(merged.get(arg.name) ?? []).map((v) => v.value), ...arg.values])
        for (const part of item.split(',').map((p) => p.trim())) if (part) seen.add(part);
      merged.set(arg.name, [{ value: [...seen].join(','), location: arg.location }]);
      continue;
    }
    merged.set(
      arg.name,
      arg.values.map((value) => ({ value, location: arg.location })),
    );
  }
  const words = [...merged.keys()]
    .sort()
    .flatMap((name) =>
      (merged.get(name) ?? []).map(({ value, location }) => ({ text: `--${name}=${value}`, location })),
    );
  return { words, denied };
}
