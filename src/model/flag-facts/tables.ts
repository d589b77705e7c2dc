/**
 * The compact flag and value tables (data/*.json, built by scripts/flag-facts/compact.mjs; README.md
 * beside this file describes the encoding and ATTRIBUTION.md their sources), decoded once into Maps: a
 * name from an upload is looked up as an own key only, never through an object's prototype.
 */
import apiserverData from './data/kube-apiserver.json';
import agentData from './data/konnectivity-agent.json';
import serverData from './data/konnectivity-server.json';
import controllerManagerData from './data/kube-controller-manager.json';
import proxyData from './data/kube-proxy.json';
import schedulerData from './data/kube-scheduler.json';
import kubeletData from './data/kubelet.json';
import valuesData from './data/values.json';

export const KUBE_COMPONENTS = [
  'kube-apiserver',
  'kubelet',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
] as const;
export type KubeComponent = (typeof KUBE_COMPONENTS)[number];
export type KonnectivityComponent = 'konnectivity-server' | 'konnectivity-agent';
/** The programs the tables describe. */
export type FlagComponent = KubeComponent | KonnectivityComponent;
export const FLAG_COMPONENTS: readonly FlagComponent[] = [
  ...KUBE_COMPONENTS,
  'konnectivity-server',
  'konnectivity-agent',
];

/** What the tables hold about one flag beyond its ranges. */
export interface FlagExtra {
  /** The deprecation message the program prints. */
  m?: string;
  /** Its replacement (`config file field tlsMinVersion`, `--bind-address`). */
  x?: string;
  /** kubelet: the KubeletConfiguration field it sets. */
  fld?: string;
  /** The default the reference prints (kept for the few flags rules read). */
  def?: string;
  /** Ranges where the flag may exist but nothing confirms it (patch backports, minors never read). */
  u?: string;
  /** Registered by Linux builds only. */
  lin?: number;
  /** Accepted but without effect since this minor. */
  inert?: number;
}

export interface KubeFlag {
  type: string;
  /** Minors that accept it. */
  accepted: string;
  /** Deprecated from this minor (0: never). */
  deprecatedFrom: number;
  /** Confirmed gone from this minor by a release note or the source (0: not confirmed). */
  removedFrom: number;
  extra: FlagExtra;
}

export interface KubeTable {
  /** Oldest and newest minor described. */
  versions: [number, number];
  /** Minors whose source was read (the others rest on the reference pages and release notes). */
  checked: number[];
  flags: Map<string, KubeFlag>;
  /** Single-letter spellings (`-v` for `--v`). */
  shorts: Map<string, string>;
}

export interface KonnectivityFlag {
  type: string;
  /** Indexes into `tags`. */
  accepted: string;
  /** Deprecated from this tag index (-1: never). */
  deprecatedFrom: number;
  extra: FlagExtra;
}

export interface KonnectivityTable {
  tags: string[];
  flags: Map<string, KonnectivityFlag>;
}

type KubeRow = [number, string, number, number, FlagExtra?];
type KonnectivityRow = [number, string, number, FlagExtra?];

function kubeTable(data: unknown): KubeTable {
  const raw = data as {
    versions: [number, number];
    checked: number[];
    types: string[];
    shorts: Record<string, string>;
    flags: Record<string, KubeRow>;
  };
  return {
    versions: raw.versions,
    checked: raw.checked,
    shorts: new Map(Object.entries(raw.shorts)),
    flags: new Map(
      Object.entries(raw.flags).map(([name, [type, accepted, deprecatedFrom, removedFrom, extra = {}]]) => [
        name,
        { type: raw.types[type] ?? 'string', accepted, deprecatedFrom, removedFrom, extra },
      ]),
    ),
  };
}

function konnectivityTable(data: unknown): KonnectivityTable {
  const raw = data as { tags: string[]; types: string[]; flags: Record<string, KonnectivityRow> };
  return {
    tags: raw.tags,
    flags: new Map(
      Object.entries(raw.flags).map(([name, [type, accepted, deprecatedFrom, extra = {}]]) => [
        name,
        { type: raw.types[type] ?? 'string', accepted, deprecatedFrom, extra },
      ]),
    ),
  };
}

/** Keyed by the component the model names, never by text from an upload. */
export const KUBE_TABLES: Readonly<Record<KubeComponent, KubeTable>> = {
  'kube-apiserver': kubeTable(apiserverData),
  kubelet: kubeTable(kubeletData),
  'kube-controller-manager': kubeTable(controllerManagerData),
  'kube-scheduler': kubeTable(schedulerData),
  'kube-proxy': kubeTable(proxyData),
};

export const KONNECTIVITY_TABLES: Readonly<Record<KonnectivityComponent, KonnectivityTable>> = {
  'konnectivity-server': konnectivityTable(serverData),
  'konnectivity-agent': konnectivityTable(agentData),
};

export const isKonnectivity = (component: FlagComponent): component is KonnectivityComponent =>
  component === 'konnectivity-server' || component === 'konnectivity-agent';

/** A feature gate: the minors that know it, and the minor it went GA (0: never). */
export interface Gate {
  known: string;
  gaFrom: number;
}

export interface ValueTables {
  versions: [number, number];
  /** Admission plugins: the minors that know each. */
  admission: Map<string, string>;
  gates: Map<string, Gate>;
  /** Gates locked to a value (`31-34:1`: locked to true in 1.31–1.33). */
  gateLocks: Map<string, string>;
  /** The minors whose locks were read from the source. */
  gateLocksRead: [number, number];
  /** TLS cipher suite names: the minors that accept each. */
  ciphers: Map<string, string>;
  minTlsVersions: Map<string, string>;
  authorizationModes: { 'kube-apiserver': Map<string, string>; kubelet: Map<string, string> };
}

function valueTables(data: unknown): ValueTables {
  const raw = data as {
    versions: [number, number];
    admission: Record<string, string>;
    gates: Record<string, [string, number]>;
    gateLocks: Record<string, string>;
    gateLocksRead: [number, number];
    ciphers: Record<string, string>;
    minVersions: Record<string, string>;
    authz: Record<'kube-apiserver' | 'kubelet', Record<string, string>>;
  };
  const entries = <T, U>(record: Record<string, T>, pick: (value: T) => U) =>
    new Map(Object.entries(record).map(([name, value]) => [name, pick(value)]));
  return {
    versions: raw.versions,
    admission: entries(raw.admission, (known) => known),
    gates: entries(raw.gates, ([known, gaFrom]) => ({ known, gaFrom })),
    gateLocks: entries(raw.gateLocks, (runs) => runs),
    gateLocksRead: raw.gateLocksRead,
    ciphers: entries(raw.ciphers, (known) => known),
    minTlsVersions: entries(raw.minVersions, (known) => known),
    authorizationModes: {
      'kube-apiserver': entries(raw.authz['kube-apiserver'], (known) => known),
      kubelet: entries(raw.authz.kubelet, (known) => known),
    },
  };
}

export const VALUES: ValueTables = valueTables(valuesData);
