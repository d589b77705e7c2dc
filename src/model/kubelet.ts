/**
 * One kubelet and its effective configuration: defaults (which ones depends on `--config`), then the
 * config file, then flags, each value carrying where it came from.
 */
import type { SourceDocument } from '../ingest/source-document';
import { childPointer } from '../ingest/positions';
import type { FlagSet } from './flags';
import {
  KUBELET_SETTINGS,
  fromConfig,
  fromFlag,
  type KubeletSettingName,
  type KubeletSettingValue,
  type SettingDefinition,
} from './kubelet-settings';
import type { Valued } from './valued';

export type KubeletConfigSource =
  /** Runs with `--config` (or is a /configz dump, `live`): KubeletConfiguration defaults apply. */
  | { mode: 'config'; doc: SourceDocument; base: string; live: boolean }
  /** Runs without `--config`: the legacy flag defaults apply. */
  | { mode: 'flags-only' }
  /** Cannot tell what the unset settings are; `reason` says what to upload. */
  | { mode: 'unknown'; reason: string };

export class Kubelet {
  constructor(
    /** The node's name, when the upload shows it. */
    readonly node: string | null,
    readonly flags: FlagSet,
    readonly config: KubeletConfigSource,
    /** The files this kubelet was built from, for messages. */
    readonly files: readonly string[],
  ) {}

  /** "kubelet on node worker-1", or "kubelet (/var/lib/kubelet/config.yaml)". */
  get name(): string {
    return this.node ? `kubelet on node ${this.node}` : `kubelet (${this.files.join(', ')})`;
  }

  /** Why unset values cannot be known, or undefined when they can. */
  get unknownReason(): string | undefined {
    return this.config.mode === 'unknown' ? this.config.reason : undefined;
  }

  /** The effective value of a setting, or undefined when the upload cannot tell it. */
  setting<N extends KubeletSettingName>(name: N): Valued<KubeletSettingValue<N>> | undefined {
    const definition = KUBELET_SETTINGS[name] as SettingDefinition;
    const fromFlags = this.flagValue(definition);
    if (fromFlags) return fromFlags as Valued<KubeletSettingValue<N>>;
    const config = this.config;
    if (config.mode === 'unknown') return undefined;
    if (config.mode === 'flags-only') {
      return {
        value: definition.flagDefault as KubeletSettingValue<N>,
        source: 'default',
        location: { ...this.flags.insertAt, default: true },
        describe: `--${definition.flag} is not set and the kubelet runs without --config, so the flag default ${show(definition.flagDefault)} applies`,
      };
    }
    const pointer = config.base + fieldPointer(definition.field);
    const raw = config.doc.get(pointer);
    const value = raw === undefined ? undefined : fromConfig(definition.kind, raw);
    if (value !== undefined && !(definition.kind === 'duration' && isZeroDuration(value as string))) {
      return {
        value: value as KubeletSettingValue<N>,
        source: 'config',
        location: config.doc.at(pointer),
        describe: `${definition.field}: ${show(value)}${config.live ? ' (from /configz)' : ''}`,
      };
    }
    return {
      value: definition.configDefault as KubeletSettingValue<N>,
      source: 'default',
      location: config.doc.at(pointer, true),
      describe: config.live
        ? `${definition.field} is absent from /configz, which means ${show(definition.configDefault)}`
        : `${definition.field} is not set in the kubelet config file, so the KubeletConfiguration default ${show(definition.configDefault)} applies`,
    };
  }

  private flagValue(definition: SettingDefinition): Valued<unknown> | undefined {
    const flag = this.flags.get(definition.flag);
    if (!flag) return undefined;
    const value = fromFlag(definition.kind, flag.value);
    if (value === undefined) return undefined;
    return { value, source: 'flag', location: flag.location, describe: `--${definition.flag}=${flag.value}` };
  }
}

function fieldPointer(field: string): string {
  return field.split('.').reduce((pointer, part) => childPointer(pointer, part), '');
}

function isZeroDuration(value: string): boolean {
  return /^0+(\.0+)?(ns|us|µs|ms|s|m|h)?$/.test(value) || value === '0';
}

function show(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
}
