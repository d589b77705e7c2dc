/**
 * A typed setting of a program configured by flags: its flag, its type, its default (per Kubernetes
 * version where the default changed), and how the program reads the flag's text. Reading one gives the
 * effective value with its origin: the flag that sets it, or the default and the place in the upload
 * where the flag would be written (`location.default`). The tables of each component's settings are the
 * other files of this folder; rules read settings, never a flag by its name.
 */
import type { Location } from '../../schemas/common';
import type { Flag, FlagSet } from '../flags';
import { goDurationProblem, parseGoBool } from '../go-values';
import type { Valued } from '../valued';
import { compareMinor } from '../version';

/** What a setting is read from: the flags a component runs with. */
export interface Configured {
  flags: FlagSet;
}

/** The effective value, with the flag occurrence that sets it (none for a default). */
export interface SettingValue<T> extends Valued<T> {
  flag: Flag | undefined;
}

/** The effective value of a list setting, with one flag entry per item (each with its own location). */
export interface ListValue extends SettingValue<string[]> {
  items: Flag[];
}

type Parse<T> = (text: string) => T | undefined;

/** How a flag's text is read: the settings tables are checked against the types the references give. */
export type SettingKind = 'text' | 'bool' | 'int' | 'duration' | 'list' | 'map';

export abstract class FlagSetting<T> {
  constructor(
    /** The flag, without dashes. */
    readonly flag: string,
    readonly kind: SettingKind,
    protected readonly parse: Parse<T>,
  ) {}

  /** Where the flag would be written in the component's upload. */
  defaultLocation(component: Configured): Location {
    return { ...component.flags.insertAt, default: true };
  }

  /** The occurrence that takes effect (the last one), when its text is one the program reads. */
  protected set(component: Configured): SettingValue<T> | undefined {
    const flag = component.flags.get(this.flag);
    if (!flag) return undefined;
    const value = this.parse(flag.value);
    // A value the program rejects stops it at startup (invalid-flag-value says so); read it as unset.
    if (value === undefined) return undefined;
    return { value, source: 'flag', location: flag.location, describe: `--${this.flag}=${flag.value}`, flag };
  }

  protected fallback(component: Configured, value: T): SettingValue<T> {
    return {
      value,
      source: 'default',
      location: this.defaultLocation(component),
      describe: `--${this.flag} is not set (default ${show(value)})`,
      flag: undefined,
    };
  }

  /** True when the flag is given a non-empty value. */
  isSet(component: Configured): boolean {
    return Boolean(component.flags.get(this.flag)?.value);
  }

  /** The occurrence that takes effect, as written, whether or not the program can read its value. */
  written(component: Configured): Flag | undefined {
    return component.flags.get(this.flag);
  }

  /** True when the flag appears at all, even with an empty or unreadable value. */
  given(component: Configured): boolean {
    return component.flags.has(this.flag);
  }
}

/** A setting whose default is the same in every version. */
export class Setting<T> extends FlagSetting<T> {
  constructor(
    flag: string,
    kind: SettingKind,
    parse: Parse<T>,
    readonly defaultValue: T,
  ) {
    super(flag, kind, parse);
  }

  of(component: Configured): SettingValue<T> {
    return this.set(component) ?? this.fallback(component, this.defaultValue);
  }
}

/**
 * A setting whose default changed: each entry applies from its minor on, the first one also before it
 * and when the version is unknown the last one (what a cluster of today runs).
 */
export class VersionedSetting<T> extends FlagSetting<T> {
  constructor(
    flag: string,
    kind: SettingKind,
    parse: Parse<T>,
    readonly defaults: ReadonlyArray<readonly [string, T]>,
  ) {
    super(flag, kind, parse);
  }

  defaultAt(minor: string | null): T {
    const entries = this.defaults;
    const fallback = entries[entries.length - 1];
    if (!fallback) throw new Error(`--${this.flag} has no default`);
    if (minor === null) return fallback[1];
    const applying = entries.filter(([from]) => compareMinor(minor, from) >= 0).at(-1) ?? entries[0];
    return (applying ?? fallback)[1];
  }

  of(component: Configured, minor: string | null): SettingValue<T> {
    return this.set(component) ?? this.fallback(component, this.defaultAt(minor));
  }
}

/** A list flag (`--authorization-mode=Node,RBAC`): every occurrence adds its comma-separated items. */
export class ListSetting extends FlagSetting<string[]> {
  constructor(flag: string) {
    super(flag, 'list', (text) => text.split(','));
  }

  of(component: Configured): ListValue {
    const items = component.flags.list(this.flag);
    const last = component.flags.get(this.flag);
    if (!last || items.length === 0) return { ...this.fallback(component, []), items: [] };
    return {
      value: items.map((item) => item.value),
      source: 'flag',
      location: last.location,
      describe: `--${this.flag}=${items.map((item) => item.value).join(',')}`,
      flag: last,
      items,
    };
  }
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'empty' : value.join(',');
  return value === '' ? 'empty' : String(value);
}

const text: Parse<string> = (value) => value;
/** strconv.Atoi's digits; a port or count in the programs' flags. */
const integer: Parse<number> = (value) => (/^-?\d+$/.test(value) ? Number(value) : undefined);

/** A free-text setting (a path, an address, a URL); unset means empty. */
export const textSetting = (flag: string, defaultValue = ''): Setting<string> =>
  new Setting(flag, 'text', text, defaultValue);
/** A duration, kept as written (`5m`); a text time.ParseDuration rejects reads as unset. */
export const durationSetting = (flag: string, defaultValue = ''): Setting<string> =>
  new Setting(flag, 'duration', (value) => (goDurationProblem(value) ? undefined : value), defaultValue);
export const boolSetting = (flag: string, defaultValue: boolean): Setting<boolean> =>
  new Setting(flag, 'bool', parseGoBool, defaultValue);
export const intSetting = (flag: string, defaultValue: number): Setting<number> =>
  new Setting(flag, 'int', integer, defaultValue);
export const listSetting = (flag: string): ListSetting => new ListSetting(flag);
export const versionedBool = (
  flag: string,
  defaults: ReadonlyArray<readonly [string, boolean]>,
): VersionedSetting<boolean> => new VersionedSetting(flag, 'bool', parseGoBool, defaults);
export const versionedInt = (
  flag: string,
  defaults: ReadonlyArray<readonly [string, number]>,
): VersionedSetting<number> => new VersionedSetting(flag, 'int', integer, defaults);
