/**
 * The kubelet settings the rules read, with the config-file field and the flag for each, and the two
 * defaults that make kubelets a trap: a kubelet started without `--config` keeps the legacy flag
 * defaults (anonymous on, AlwaysAllow, read-only port 10255); one with `--config` gets the
 * KubeletConfiguration v1beta1 defaults. Sources: kubernetes/kubernetes
 * pkg/kubelet/apis/config/v1beta1/defaults.go and cmd/kubelet/app/options/options.go applyLegacyDefaults.
 */
import { parseGoBool } from './go-values';
import { parseFeatureGates } from './settings/feature-gates';
import { textSetting } from './settings/setting';

export type SettingKind = 'bool' | 'int' | 'string' | 'list' | 'duration' | 'map';
type ValueOf<K extends SettingKind> = K extends 'bool'
  ? boolean
  : K extends 'int'
    ? number
    : K extends 'list'
      ? string[]
      : K extends 'map'
        ? Record<string, boolean>
        : string;

export interface SettingDefinition<K extends SettingKind = SettingKind> {
  /** Dotted KubeletConfiguration field. */
  field: string;
  flag: string;
  kind: K;
  configDefault: ValueOf<K>;
  flagDefault: ValueOf<K>;
}

const define = <K extends SettingKind>(
  field: string,
  flag: string,
  kind: K,
  configDefault: ValueOf<K>,
  flagDefault: ValueOf<K>,
): SettingDefinition<K> => ({ field, flag, kind, configDefault, flagDefault });

export const KUBELET_SETTINGS = {
  anonymousAuth: define('authentication.anonymous.enabled', 'anonymous-auth', 'bool', false, true),
  webhookAuthentication: define(
    'authentication.webhook.enabled',
    'authentication-token-webhook',
    'bool',
    true,
    false,
  ),
  clientCAFile: define('authentication.x509.clientCAFile', 'client-ca-file', 'string', '', ''),
  authorizationMode: define('authorization.mode', 'authorization-mode', 'string', 'Webhook', 'AlwaysAllow'),
  readOnlyPort: define('readOnlyPort', 'read-only-port', 'int', 0, 10255),
  port: define('port', 'port', 'int', 10250, 10250),
  address: define('address', 'address', 'string', '0.0.0.0', '0.0.0.0'),
  tlsCertFile: define('tlsCertFile', 'tls-cert-file', 'string', '', ''),
  tlsPrivateKeyFile: define('tlsPrivateKeyFile', 'tls-private-key-file', 'string', '', ''),
  serverTLSBootstrap: define('serverTLSBootstrap', 'rotate-server-certificates', 'bool', false, false),
  rotateCertificates: define('rotateCertificates', 'rotate-certificates', 'bool', false, false),
  tlsMinVersion: define('tlsMinVersion', 'tls-min-version', 'string', '', ''),
  tlsCipherSuites: define('tlsCipherSuites', 'tls-cipher-suites', 'list', [], []),
  // A zero duration in the file is defaulted to 4h; only the flag can really disable the timeout.
  streamingConnectionIdleTimeout: define(
    'streamingConnectionIdleTimeout',
    'streaming-connection-idle-timeout',
    'duration',
    '4h0m0s',
    '4h0m0s',
  ),
  featureGates: define('featureGates', 'feature-gates', 'map', {}, {}),
  clusterDomain: define('clusterDomain', 'cluster-domain', 'string', '', ''),
} as const;

export type KubeletSettingName = keyof typeof KUBELET_SETTINGS;
export type KubeletSettingValue<N extends KubeletSettingName> =
  (typeof KUBELET_SETTINGS)[N] extends SettingDefinition<infer K> ? ValueOf<K> : never;

/** Kubelet settings that exist as flags only, without a KubeletConfiguration field. */
export const KUBELET_FLAGS = {
  kubeconfig: textSetting('kubeconfig'),
  /** Used only while the --kubeconfig file does not exist yet (TLS bootstrapping). */
  bootstrapKubeconfig: textSetting('bootstrap-kubeconfig'),
  /** Where the kubelet keeps the certificates it makes and rotates (cmd/kubelet/app/options/options.go). */
  certDir: textSetting('cert-dir', '/var/lib/kubelet/pki'),
  /** The Node object's name instead of the host's (cmd/kubelet/app/options/options.go). */
  hostnameOverride: textSetting('hostname-override'),
  /** The address the kubelet reports for its Node (status InternalIP). */
  nodeIp: textSetting('node-ip'),
  /** An external cloud provider sets the Node's addresses. */
  cloudProvider: textSetting('cloud-provider'),
} as const;

/** Reads a flag's text as the setting's type; undefined when the kubelet itself would reject it. */
export function fromFlag(kind: SettingKind, text: string): unknown {
  switch (kind) {
    case 'bool':
      return parseGoBool(text);
    case 'int':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'map':
      return parseFeatureGates(text);
    default:
      return text;
  }
}

/** Reads a config-file value as the setting's type; undefined when it has the wrong type. */
export function fromConfig(kind: SettingKind, value: unknown): unknown {
  switch (kind) {
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'list':
      return Array.isArray(value) ? value.map(String) : undefined;
    case 'map':
      return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    case 'duration':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    default:
      return typeof value === 'string' ? value : undefined;
  }
}
