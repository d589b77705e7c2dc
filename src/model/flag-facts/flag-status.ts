/**
 * What a program does with a flag in a given version: accepts it, accepts it with a deprecation warning,
 * exits because the flag was removed or does not exist (yet), or cannot be told (the flag left the
 * reference pages and nothing confirms its removal). Names are read the way the program reads them:
 * kube components normalise `_` to `-` (component-base cliflag.WordSepNormalizeFunc), Konnectivity does
 * not; `-v` is `--v`.
 */
import { endOf, firstOf, inRanges, minorNumber, minorText } from './ranges';
import {
  FLAG_COMPONENTS,
  KONNECTIVITY_TABLES,
  KUBE_TABLES,
  isKonnectivity,
  type FlagComponent,
  type FlagExtra,
  type KonnectivityComponent,
  type KonnectivityTable,
  type KubeComponent,
  type KubeFlag,
  type KubeTable,
} from './tables';

/**
 * - accepted: defined in that version.
 * - deprecated: defined; the program prints "Flag --x has been deprecated, …" and goes on.
 * - removed: defined in an earlier version, confirmed gone in this one: the program exits.
 * - undocumented: cannot be told (dropped from the reference without a confirmed removal, or only some
 *   patch releases have it): say so, never "will not start".
 * - unknown: not defined in this version (`addedIn` says when it comes), or in no version at all.
 */
export type FlagState = 'accepted' | 'deprecated' | 'removed' | 'undocumented' | 'unknown';

/** Which table answered when the version asked for is not one the tables describe. */
export interface OutsideTables {
  /** The version of the table used (`1.35`, `v0.36.0`). */
  table: string;
  why: 'version-unknown' | 'newer-than-tables' | 'older-than-tables';
}

export interface FlagStatus {
  state: FlagState;
  /** The flag as the program knows it: `--anonymous-auth` for `--anonymous_auth`, `--v` for `-v`. */
  flag: string;
  removedIn?: string;
  deprecatedIn?: string;
  /** The first version that defines it, when the version asked for is older. */
  addedIn?: string;
  /** The replacement the source or help text names (`config file field tlsMinVersion`). */
  replacement?: string;
  /** The deprecation message the program prints. */
  message?: string;
  /** kubelet: the KubeletConfiguration field this flag sets. */
  configField?: string;
  /** The value's type (`bool`, `int32`, `duration`, `stringSlice`, `mapStringBool`, `ip`, …). */
  type?: string;
  /** Only Linux builds register it (the kubelet's cadvisor flags). */
  linuxOnly?: boolean;
  /** Accepted, but without effect since this version. */
  inertSince?: string;
  outside?: OutsideTables;
}

/** A name with no space, no leading dash and no `=value`. */
const BARE_NAME = /^[^\s=-][^\s=]*$/;

/** The name as the program looks it up, without dashes or a value. */
export function canonicalFlag(component: FlagComponent, name: string): string {
  // Most names come bare (`anonymous-auth`): nothing to trim, strip or cut.
  const bare = BARE_NAME.test(name) ? name : (name.trim().replace(/^-+/, '').split('=')[0] ?? '');
  if (isKonnectivity(component)) return bare;
  const table = KUBE_TABLES[component];
  const dashed = bare.replace(/_/g, '-');
  return table.shorts.get(dashed) ?? dashed;
}

/** The minor whose table judges `version`, and why it is another one when it is. */
function kubeMinor(table: KubeTable, version: string | null): { minor: number; outside?: OutsideTables } {
  const [oldest, newest] = table.versions;
  const minor = minorNumber(version);
  if (minor === null) return { minor: newest, outside: { table: minorText(newest), why: 'version-unknown' } };
  if (minor > newest)
    return { minor: newest, outside: { table: minorText(newest), why: 'newer-than-tables' } };
  if (minor < oldest)
    return { minor: oldest, outside: { table: minorText(oldest), why: 'older-than-tables' } };
  return { minor };
}

/** Which table judges a Kubernetes version, when it is not one the tables describe. */
export function outsideTables(version: string | null): OutsideTables | undefined {
  return kubeMinor(KUBE_TABLES['kube-apiserver'], version).outside;
}

export function flagStatus(component: FlagComponent, name: string, version: string | null): FlagStatus {
  return isKonnectivity(component)
    ? konnectivityStatus(component, name, version)
    : kubeStatus(component, name, version);
}

function details(type: string, extra: FlagExtra, deprecated: boolean): Partial<FlagStatus> {
  // A deprecated kubelet flag with a config field is replaced by that field (AddKubeletConfigFlags).
  const replacement = extra.x ?? (extra.fld && deprecated ? `config file field ${extra.fld}` : undefined);
  return {
    type,
    ...(extra.fld ? { configField: extra.fld } : {}),
    ...(extra.lin ? { linuxOnly: true } : {}),
    ...(extra.inert ? { inertSince: minorText(extra.inert) } : {}),
    ...(replacement ? { replacement } : {}),
  };
}

/**
 * The answers for a table row, by the minor judged (and why it is that one): four rules ask about every
 * flag of every program, and each static pod repeats the same flags. Keyed by the tables' own rows, so
 * the memo holds nothing of an upload and stays as small as the tables. Callers share an answer and must
 * not change it.
 */
const answersByRow = new Map<KubeFlag, Map<number, FlagStatus>>();
const OUTSIDE_WHY: ReadonlyArray<OutsideTables['why']> = [
  'version-unknown',
  'newer-than-tables',
  'older-than-tables',
];

function kubeStatus(component: KubeComponent, name: string, version: string | null): FlagStatus {
  const table = KUBE_TABLES[component];
  const canonical = canonicalFlag(component, name);
  const row = table.flags.get(canonical);
  const { minor, outside } = kubeMinor(table, version);
  if (!row) return { state: 'unknown', flag: `--${canonical}`, ...(outside ? { outside } : {}) };
  let answers = answersByRow.get(row);
  if (!answers) answersByRow.set(row, (answers = new Map<number, FlagStatus>()));
  const key = minor * 4 + (outside ? OUTSIDE_WHY.indexOf(outside.why) + 1 : 0);
  let status = answers.get(key);
  if (!status) answers.set(key, (status = rowStatus(row, `--${canonical}`, minor, outside)));
  return status;
}

function rowStatus(
  row: KubeFlag,
  flag: string,
  minor: number,
  outside: OutsideTables | undefined,
): FlagStatus {
  const base: FlagStatus = {
    state: 'unknown',
    flag,
    ...details(row.type, row.extra, row.deprecatedFrom > 0),
    ...(outside ? { outside } : {}),
  };
  if (inRanges(row.accepted, minor)) {
    const deprecated = row.deprecatedFrom > 0 && minor >= row.deprecatedFrom;
    return {
      ...base,
      state: deprecated ? 'deprecated' : 'accepted',
      ...(deprecated ? { deprecatedIn: minorText(row.deprecatedFrom) } : {}),
      ...(deprecated && row.extra.m ? { message: row.extra.m } : {}),
      ...(row.removedFrom ? { removedIn: minorText(row.removedFrom) } : {}),
    };
  }
  if (row.extra.u && inRanges(row.extra.u, minor)) return { ...base, state: 'undocumented' };
  const first = firstOf(row.accepted);
  if (first !== null && minor < first) return { ...base, addedIn: minorText(first) };
  if (row.removedFrom && minor >= row.removedFrom) {
    return {
      ...base,
      state: 'removed',
      removedIn: minorText(row.removedFrom),
      ...(row.deprecatedFrom ? { deprecatedIn: minorText(row.deprecatedFrom) } : {}),
      ...(row.extra.m ? { message: row.extra.m } : {}),
    };
  }
  // Dropped from the reference pages (or a gap in them) without a confirmed removal.
  const end = endOf(row.accepted);
  return {
    ...base,
    state: 'undocumented',
    ...(end !== null && minor >= end ? { removedIn: minorText(end) } : {}),
  };
}

/**
 * The Konnectivity tags a version stands for: a tag names itself; Kubernetes 1.N from 1.28 on ships
 * v0.N.x (the newest of them); older minors used the v0.0.x/v0.1.x series, all of it.
 */
function konnectivityTags(table: KonnectivityTable, version: string | null): KonnectivityTags {
  // Every flag of an upload asks with the same version: the last answer per table is kept.
  const last = lastTags.get(table);
  if (last?.version === version) return last.tags;
  const tags = tagsOf(table, version);
  lastTags.set(table, { version, tags });
  return tags;
}

interface KonnectivityTags {
  tags: readonly number[];
  outside?: OutsideTables;
}

const lastTags = new WeakMap<KonnectivityTable, { version: string | null; tags: KonnectivityTags }>();

function tagsOf(table: KonnectivityTable, version: string | null): KonnectivityTags {
  const text = (version ?? '').trim().replace(/^v/, '');
  const newest = table.tags.length - 1;
  const newestTag = table.tags[newest] ?? '';
  const exact = table.tags.indexOf(`v${text}`);
  if (/^0\.\d+\.\d+$/.test(text) && exact >= 0) return { tags: [exact] };
  const series = /^0\.(\d+)/.exec(text)?.[1];
  const minor = series !== undefined ? Number(series) : minorNumber(version);
  if (minor === null) return { tags: [newest], outside: { table: newestTag, why: 'version-unknown' } };
  if (minor >= 28 || series !== undefined) {
    const matching = table.tags.flatMap((tag, i) => (tag.startsWith(`v0.${minor}.`) ? [i] : []));
    const last = matching.at(-1);
    if (last !== undefined) return { tags: [last] };
    return { tags: [newest], outside: { table: newestTag, why: 'newer-than-tables' } };
  }
  return { tags: table.tags.flatMap((tag, i) => (/^v0\.[01]\./.test(tag) ? [i] : [])) };
}

function konnectivityStatus(
  component: KonnectivityComponent,
  name: string,
  version: string | null,
): FlagStatus {
  const table = KONNECTIVITY_TABLES[component];
  const flag = `--${canonicalFlag(component, name)}`;
  const row = table.flags.get(flag.slice(2));
  const { tags, outside } = konnectivityTags(table, version);
  if (!row) return { state: 'unknown', flag, ...(outside ? { outside } : {}) };
  const base: FlagStatus = {
    state: 'unknown',
    flag,
    ...details(row.type, row.extra, row.deprecatedFrom >= 0),
    ...(outside ? { outside } : {}),
  };
  const accepting = tags.filter((i) => inRanges(row.accepted, i));
  if (accepting.length === tags.length && tags.length > 0) {
    const deprecated = row.deprecatedFrom >= 0 && tags.every((i) => i >= row.deprecatedFrom);
    return {
      ...base,
      state: deprecated ? 'deprecated' : 'accepted',
      ...(deprecated ? { deprecatedIn: table.tags[row.deprecatedFrom] ?? '' } : {}),
    };
  }
  // Some tags of the series define it, some do not: which one runs is not known.
  if (accepting.length > 0 || tags.some((i) => row.extra.u !== undefined && inRanges(row.extra.u, i)))
    return { ...base, state: 'undocumented' };
  const first = firstOf(row.accepted);
  const lastTag = tags.at(-1) ?? 0;
  if (first !== null && lastTag < first) return { ...base, addedIn: table.tags[first] ?? '' };
  const end = endOf(row.accepted);
  return { ...base, state: 'removed', ...(end !== null ? { removedIn: table.tags[end] ?? '' } : {}) };
}

interface FlagNames {
  now: readonly string[];
  ever: readonly string[];
}

/** By program and table column, never by the upload's own version text: a few dozen entries at most. */
const namesByColumn = new Map<string, FlagNames>();

/** The flags of `flags` (a program's table) and those `accepted` keeps, listed once per `key`. */
function namesOf<Row>(
  key: string,
  flags: ReadonlyMap<string, Row>,
  accepted: (row: Row) => boolean,
): FlagNames {
  let names = namesByColumn.get(key);
  if (!names) {
    const ever = [...flags.keys()];
    const now = ever.filter((name) => {
      const row = flags.get(name);
      return row !== undefined && accepted(row);
    });
    namesByColumn.set(key, (names = { now, ever }));
  }
  return names;
}

/** The flags a program defines in a version (without dashes), and every flag it ever had. */
export function flagNames(component: FlagComponent, version: string | null): FlagNames {
  if (isKonnectivity(component)) {
    const table = KONNECTIVITY_TABLES[component];
    const { tags } = konnectivityTags(table, version);
    return namesOf(`${component} ${tags.join(',')}`, table.flags, (row) =>
      tags.some((i) => inRanges(row.accepted, i)),
    );
  }
  const table = KUBE_TABLES[component];
  const { minor } = kubeMinor(table, version);
  return namesOf(`${component} ${minor}`, table.flags, (row) => inRanges(row.accepted, minor));
}

/** The programs that define a flag in a version: a flag of another program is a common mistake. */
export function componentsDefining(name: string, version: string | null): FlagComponent[] {
  return FLAG_COMPONENTS.filter((component) => {
    const state = flagStatus(component, name, version).state;
    return state === 'accepted' || state === 'deprecated';
  });
}

/**
 * The minor that removed a flag, as the tables confirm it (a release note or the source), or the one
 * whose change makes it inert: what a rule's `appliesTo` reads, so versions come from the tables.
 * Throws for a flag the tables do not confirm, so a wrong name fails at load, not silently.
 */
export function flagRemovedIn(component: KubeComponent, name: string): string {
  const row = KUBE_TABLES[component].flags.get(canonicalFlag(component, name));
  if (!row?.removedFrom) throw new Error(`flag facts: no confirmed removal of ${component} --${name}`);
  return minorText(row.removedFrom);
}

/** The minor from which a flag does nothing (kube-apiserver --insecure-port: 1.20), from the tables. */
export function flagInertSince(component: KubeComponent, name: string): string {
  const inert = KUBE_TABLES[component].flags.get(canonicalFlag(component, name))?.extra.inert;
  if (!inert) throw new Error(`flag facts: ${component} --${name} is not inert in any version`);
  return minorText(inert);
}
