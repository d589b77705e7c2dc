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
    const pointer = config.base + fieldPointer(definition.field);
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
    for (const doc of [...config.dropIns].reverse().concat(config.doc)) {
      const at = doc === config.doc ? pointer : fieldPointer(definition.field);
      const raw = doc.get(at);
      const value = raw === undefined ? undefined : fromConfig(definition.kind, raw);
      // The kubelet defaults a zero duration of its file (4h for streamingConnectionIdleTimeout); a
      // /configz dump shows the effective values after that, so a zero there is zero.
      const defaulted = definition.kind === 'duration' && isZeroDuration(value as string) && !config.live;
      if (value !== undefined && !defaulted) {
        return {
          value: value as KubeletSettingValue<N>,
          source: 'config',
          location: doc.at(at),
          describe: `${definition.field}: ${show(value)}${config.live ? ' (from /configz)' : doc === config.doc ? '' : ` (drop-in ${doc.file})`}`,
        };
      }
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
      for (const doc of [...config.dropIns].reverse().concat(config.doc)) {
        const pointer = `${doc === config.doc ? config.base : ''}/featureGates/${gate}`;
        const raw = doc.get(pointer);
        if (typeof raw === 'boolean') {
          return {
            value: raw,
            source: 'config',
            location: doc.at(pointer),
            describe: `featureGates.${gate}: ${raw}`,
          };
        }
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

function fieldPointer(field: string): string {
  return field.split('.').reduce((pointer, part) => childPointer(pointer, part), '');
}

/** `0`, `0s`, `0h0m0s`...: a duration of zero as Go's time.ParseDuration reads it. */
export function isZeroDuration(value: string): boolean {
  return /^[+-]?0+$/.test(value) || /^[+-]?(?:0+(?:\.0*)?(?:ns|us|µs|μs|ms|s|m|h))+$/.test(value);
}

function show(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
}
