/**
 * One kubelet and its effective configuration: defaults (which ones depends on `--config`), then the
 * config file, then flags, each value carrying where it came from.
 */
import type { SourceDocument } from '../ingest/source-document';
import { childPointer } from '../ingest/positions';
import type { Location } from '../schemas/common';
import type { FlagSet } from './flags';
import {
  KUBELET_FLAGS,
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
  | {
      mode: 'config';
      doc: SourceDocument;
      base: string;
      live: boolean;
      /** `--config-dir` drop-ins (`*.conf`), in the order the kubelet applies them over `doc`. */
      dropIns: readonly SourceDocument[];
      /** The tool that wrote the file and what it fills in (kubeadm, Talos, k0s): under the file, over v1beta1. */
      defaults?: KubeletDefaults;
    }
  /** Runs without `--config`: the legacy flag defaults apply. */
  | { mode: 'flags-only' }
  /** Cannot tell what the unset settings are; `reason` says what to upload. */
  | { mode: 'unknown'; reason: string };

/**
 * What a tool that writes the kubelet's config file puts in it besides what the user wrote: `values` for
 * fields the user left unset, `forced` for fields it sets whatever the user wrote.
 */
export interface KubeletDefaults {
  /** "kubeadm", "Talos", "k0s". */
  writer: string;
  values: Partial<Record<KubeletSettingName, unknown>>;
  forced?: Partial<Record<KubeletSettingName, unknown>>;
  /** Where the facts come from, for messages. */
  source: string;
  /** The tool approves the kubelet's serving-certificate CSRs itself (k0s' csrapprover): how. */
  servingCertificateApprover?: string;
}

/** What the kubelet serves when neither tlsCertFile nor serverTLSBootstrap is set, if not a self-signed certificate. */
export interface CertDirCertificate {
  /** `<cert-dir>/kubelet.crt` */
  path: string;
  /** Why it is there: uploaded beside the kubelet's files, or written by the distribution. */
  reason: string;
  location: Location;
}

export interface KubeletOptions {
  /** Flags the upload may not show (an EnvironmentFile not uploaded): why, and what to upload. */
  hidden?: string;
  certDirCertificate?: CertDirCertificate;
}

/** What the kubelet serves on its HTTPS port: a certificate it was given, one it bootstraps, or one it made itself. */
export interface ServingCertificate {
  /**
   * The kubelet generates a certificate with a throwaway CA of its own (cmd/kubelet/app/server.go
   * InitializeTLS, when neither serverTLSBootstrap nor tlsCertFile/tlsPrivateKeyFile is set): nothing can verify it.
   */
  selfSigned: boolean;
  /** The generated file, when a /configz dump shows it as tlsCertFile. */
  generated: string | undefined;
  bootstrap: Valued<boolean>;
  certFile: Valued<string>;
}

export class Kubelet {
  constructor(
    /** The node's name, when the upload shows it. */
    readonly node: string | null,
    readonly flags: FlagSet,
    readonly config: KubeletConfigSource,
    /** The files this kubelet was built from, for messages. */
    readonly files: readonly string[],
    readonly options: KubeletOptions = {},
  ) {}

  /** "kubelet on node worker-1", or "kubelet (/var/lib/kubelet/config.yaml)". */
  get name(): string {
    return this.node ? `kubelet on node ${this.node}` : `kubelet (${this.files.join(', ')})`;
  }

  /** Who approves its kubelet-serving CSRs, when the tool that writes its config runs an approver. */
  get servingCertificateApprover(): string | undefined {
    return this.config.mode === 'config' ? this.config.defaults?.servingCertificateApprover : undefined;
  }

  /** Why unset values cannot be known, or undefined when they can. */
  get unknownReason(): string | undefined {
    if (this.options.hidden) return this.options.hidden;
    return this.config.mode === 'unknown' ? this.config.reason : undefined;
  }

  /** The effective value of a setting, or undefined when the upload cannot tell it. */
  setting<N extends KubeletSettingName>(name: N): Valued<KubeletSettingValue<N>> | undefined {
    const definition = KUBELET_SETTINGS[name] as SettingDefinition;
    const fromFlags = this.flagValue(definition);
    if (fromFlags) return fromFlags as Valued<KubeletSettingValue<N>>;
    const config = this.config;
    if (config.mode === 'unknown' || this.options.hidden) return undefined;
    if (config.mode === 'flags-only') {
      return {
        value: definition.flagDefault as KubeletSettingValue<N>,
        source: 'default',
        location: { ...this.flags.insertAt, default: true },
        describe: `--${definition.flag} is not set and the kubelet runs without --config, so the flag default ${show(definition.flagDefault)} applies`,
      };
    }
    const field = fieldPointer(definition.field);
    const pointer = config.base + field;
    const defaults = config.defaults;
    if (defaults?.forced && Object.hasOwn(defaults.forced, name)) {
      const value = defaults.forced[name];
      return {
        value: value as KubeletSettingValue<N>,
        source: 'default',
        location: config.doc.at(pointer, true),
        describe: `${defaults.writer} writes ${definition.field}: ${show(value)} whatever the file says (${defaults.source})`,
      };
    }
    // The last drop-in that sets the field wins, then the main file (the kubelet merges them field by field).
    // A /configz dump (live) has no drop-ins: the key need not tell the two readings apart.
    const read = (raw: unknown) => configValue(definition, raw, config.live);
    const set =
      lastDropInValue(config.dropIns, `setting ${name}`, field, read) ?? valueAt(config.doc, pointer, read);
    if (set) {
      return {
        value: set.value as KubeletSettingValue<N>,
        source: 'config',
        location: set.doc.at(set.pointer),
        describe: `${definition.field}: ${show(set.value)}${config.live ? ' (from /configz)' : set.doc === config.doc ? '' : ` (drop-in ${set.doc.file})`}`,
      };
    }
    if (defaults && Object.hasOwn(defaults.values, name)) {
      const value = defaults.values[name];
      return {
        value: value as KubeletSettingValue<N>,
        source: 'default',
        location: config.doc.at(pointer, true),
        describe: `${definition.field} is not set, so ${defaults.writer} writes its default ${show(value)} (${defaults.source})`,
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

  /** The serving certificate, or undefined when the upload cannot tell it. */
  servingCertificate(): ServingCertificate | undefined {
    const bootstrap = this.setting('serverTLSBootstrap');
    const certFile = this.setting('tlsCertFile');
    const keyFile = this.setting('tlsPrivateKeyFile');
    if (!bootstrap || !certFile || !keyFile) return undefined;
    const certDir = certDirOf(this);
    const given = certFile.value !== '' || keyFile.value !== '';
    // InitializeTLS (cmd/kubelet/app/server.go): with neither serverTLSBootstrap nor a certificate given,
    // the kubelet serves <cert-dir>/kubelet.crt when it exists, and makes a self-signed pair only if not.
    const existing = this.options.certDirCertificate;
    if (!bootstrap.value && existing && (!given || certFile.value === existing.path)) {
      return {
        selfSigned: false,
        generated: undefined,
        bootstrap,
        certFile: {
          value: existing.path,
          source: 'default',
          location: existing.location,
          describe: `tlsCertFile is not set, so the kubelet serves ${existing.path} from its --cert-dir, which ${existing.reason}`,
        },
      };
    }
    // A /configz dump shows the effective config, where the generated certificate's path is tlsCertFile.
    const generated =
      this.config.mode === 'config' &&
      this.config.live &&
      certFile.source === 'config' &&
      certFile.value === `${certDir}/kubelet.crt`
        ? certFile.value
        : undefined;
    return {
      selfSigned: !bootstrap.value && (!given || generated !== undefined),
      generated,
      bootstrap,
      certFile,
    };
  }

  /**
   * A feature gate's effective value: a gate in --feature-gates wins over the same gate in the config
   * file's featureGates, and each gate keeps its own source (kubeletConfigFlagPrecedence merges the two
   * maps gate by gate). `fallback` is the gate's default in the cluster's version.
   */
  featureGate(gate: string, fallback: boolean): Valued<boolean> | undefined {
    const flag = this.flags.get('feature-gates');
    const fromFlags = flag ? (fromFlag('map', flag.value) as Record<string, boolean>) : {};
    if (flag && gate in fromFlags) {
      return {
        value: fromFlags[gate] === true,
        source: 'flag',
        location: flag.location,
        describe: `--feature-gates=${flag.value}`,
      };
    }
    const config = this.config;
    if (config.mode === 'unknown' || this.options.hidden) return undefined;
    if (config.mode === 'config') {
      const read = (raw: unknown) => (typeof raw === 'boolean' ? raw : undefined);
      const set =
        lastDropInValue(config.dropIns, `gate ${gate}`, `/featureGates/${gate}`, read) ??
        valueAt(config.doc, `${config.base}/featureGates/${gate}`, read);
      if (set) {
        return {
          value: set.value,
          source: 'config',
          location: set.doc.at(set.pointer),
          describe: `featureGates.${gate}: ${set.value}`,
        };
      }
    }
    const where =
      config.mode === 'config'
        ? config.doc.at(`${config.base}/featureGates`, true)
        : { ...this.flags.insertAt, default: true };
    return {
      value: fallback,
      source: 'default',
      location: where,
      describe: `${gate} is not set, so its default ${fallback} applies`,
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

/** The kubelet's --cert-dir (NewKubeletFlags: /var/lib/kubelet/pki by default), without a trailing slash. */
export function certDirOf(kubelet: { flags: FlagSet }): string {
  return KUBELET_FLAGS.certDir.of(kubelet).value.replace(/\/+$/, '');
}

/** A value a config document sets, where it sets it. */
interface SetIn<T> {
  doc: SourceDocument;
  pointer: string;
  value: T;
}

/** The value `doc` sets at `pointer`, as `read` takes it (undefined: as if unset). */
function valueAt<T>(
  doc: SourceDocument,
  pointer: string,
  read: (raw: unknown) => T | undefined,
): SetIn<T> | undefined {
  const raw = doc.get(pointer);
  const value = raw === undefined ? undefined : read(raw);
  return value === undefined ? undefined : { doc, pointer, value };
}

/**
 * The value the last drop-in setting `pointer` sets (the kubelet applies them in order, each over the
 * ones before). Looked up once per list of drop-ins and `key`, which must name `pointer` and `read`:
 * every config file of a node shares one list (buildKubelets), and an upload may hold thousands of
 * config files over thousands of drop-ins.
 */
function lastDropInValue<T>(
  dropIns: readonly SourceDocument[],
  key: string,
  pointer: string,
  read: (raw: unknown) => T | undefined,
): SetIn<T> | undefined {
  if (dropIns.length === 0) return undefined;
  let found = dropInValues.get(dropIns);
  if (!found) dropInValues.set(dropIns, (found = new Map<string, SetIn<unknown> | undefined>()));
  if (found.has(key)) return found.get(key) as SetIn<T> | undefined;
  let set: SetIn<T> | undefined;
  for (const doc of [...dropIns].reverse()) {
    set = valueAt(doc, pointer, read);
    if (set) break;
  }
  found.set(key, set);
  return set;
}

const dropInValues = new WeakMap<readonly SourceDocument[], Map<string, SetIn<unknown> | undefined>>();

/** A setting's value as a config file writes it, or undefined when the kubelet reads it as unset. */
function configValue(definition: SettingDefinition, raw: unknown, live: boolean): unknown {
  const value = fromConfig(definition.kind, raw);
  // The kubelet defaults a zero duration of its file (4h for streamingConnectionIdleTimeout); a
  // /configz dump shows the effective values after that, so a zero there is zero.
  const defaulted = definition.kind === 'duration' && isZeroDuration(value as string) && !live;
  return defaulted ? undefined : value;
}

/**
 * The pointer of a KubeletConfiguration field: `/authentication/x509/clientCAFile` for
 * `authentication.x509.clientCAFile`. Made once per field: every setting lookup asks for one.
 */
export function fieldPointer(field: string): string {
  let pointer = fieldPointers.get(field);
  if (pointer === undefined)
    fieldPointers.set(field, (pointer = field.split('.').reduce((p, part) => childPointer(p, part), '')));
  return pointer;
}

/** Keyed by the fields of the kubelet's tables only, never by an upload's keys: a few hundred at most. */
const fieldPointers = new Map<string, string>();

/** `0`, `0s`, `0h0m0s`...: a duration of zero as Go's time.ParseDuration reads it. */
export function isZeroDuration(value: string): boolean {
  return /^[+-]?0+$/.test(value) || /^[+-]?(?:0+(?:\.0*)?(?:ns|us|µs|μs|ms|s|m|h))+$/.test(value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
}
