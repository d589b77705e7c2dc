/**
 * kubeadm configuration files as the static pods and kubelet flags kubeadm writes from them: kubeadm's
 * default flags (k8s-facts §5.2, kubernetes/kubernetes cmd/kubeadm/app/phases/controlplane/manifests.go)
 * under the user's `extraArgs` — a user argument replaces the default of the same name, repeated user
 * arguments are all passed. Defaults point at where `extraArgs` would go, marked as defaults.
 *
 * `extraArgs` is a map in v1beta3 and a list of `{name, value}` in v1beta4.
 */
import type { Classified } from '../ingest/classify';
import type { ArgWord, CommandLine } from '../ingest/command-line';
import { childPointer } from '../ingest/positions';
import type { SourceDocument } from '../ingest/source-document';
import type { Budget } from '../ingest/budget';
import { isPlainObject, scalarText } from '../ingest/yaml';
import type { Location } from '../schemas/common';
import type { ControlPlaneComponent } from './control-plane';
import { parseFlags } from './flags';
import type { KubeletDefaults } from './kubelet';
import { nodeKeyOf } from './referenced-file';

type ControlPlaneKey = 'apiServer' | 'controllerManager' | 'scheduler';

const COMPONENT: Record<ControlPlaneKey, 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler'> = {
  apiServer: 'kube-apiserver',
  controllerManager: 'kube-controller-manager',
  scheduler: 'kube-scheduler',
};

interface ClusterSettings {
  pki: string;
  bindPort: string;
  advertiseAddress: string | undefined;
  serviceSubnet: string;
  podSubnet: string | undefined;
  dnsDomain: string;
  clusterName: string;
}

function defaultFlags(key: ControlPlaneKey, s: ClusterSettings): Array<[string, string]> {
  const pki = s.pki;
  if (key === 'apiServer') {
    return [
      ...(s.advertiseAddress ? [['advertise-address', s.advertiseAddress] as [string, string]] : []),
      ['allow-privileged', 'true'],
      ['authorization-mode', 'Node,RBAC'],
      ['client-ca-file', `${pki}/ca.crt`],
      ['enable-admission-plugins', 'NodeRestriction'],
      ['enable-bootstrap-token-auth', 'true'],
      ['etcd-cafile', `${pki}/etcd/ca.crt`],
      ['etcd-certfile', `${pki}/apiserver-etcd-client.crt`],
      ['etcd-keyfile', `${pki}/apiserver-etcd-client.key`],
      ['etcd-servers', 'https://127.0.0.1:2379'],
      ['kubelet-client-certificate', `${pki}/apiserver-kubelet-client.crt`],
      ['kubelet-client-key', `${pki}/apiserver-kubelet-client.key`],
      ['kubelet-preferred-address-types', 'InternalIP,ExternalIP,Hostname'],
      ['proxy-client-cert-file', `${pki}/front-proxy-client.crt`],
      ['proxy-client-key-file', `${pki}/front-proxy-client.key`],
      ['requestheader-allowed-names', 'front-proxy-client'],
      ['requestheader-client-ca-file', `${pki}/front-proxy-ca.crt`],
      ['requestheader-extra-headers-prefix', 'X-Remote-Extra-'],
      ['requestheader-group-headers', 'X-Remote-Group'],
      ['requestheader-username-headers', 'X-Remote-User'],
      ['secure-port', s.bindPort],
      ['service-account-issuer', `https://kubernetes.default.svc.${s.dnsDomain}`],
      ['service-account-key-file', `${pki}/sa.pub`],
      ['service-account-signing-key-file', `${pki}/sa.key`],
      ['service-cluster-ip-range', s.serviceSubnet],
      ['tls-cert-file', `${pki}/apiserver.crt`],
      ['tls-private-key-file', `${pki}/apiserver.key`],
    ];
  }
  if (key === 'controllerManager') {
    return [
      ...(s.podSubnet
        ? ([
            ['allocate-node-cidrs', 'true'],
            ['cluster-cidr', s.podSubnet],
          ] as Array<[string, string]>)
        : []),
      ['authentication-kubeconfig', '/etc/kubernetes/controller-manager.conf'],
      ['authorization-kubeconfig', '/etc/kubernetes/controller-manager.conf'],
      ['bind-address', '127.0.0.1'],
      ['client-ca-file', `${pki}/ca.crt`],
      ['cluster-name', s.clusterName],
      ['cluster-signing-cert-file', `${pki}/ca.crt`],
      ['cluster-signing-key-file', `${pki}/ca.key`],
      ['controllers', '*,bootstrapsigner,tokencleaner'],
      ['kubeconfig', '/etc/kubernetes/controller-manager.conf'],
      ['leader-elect', 'true'],
      ['requestheader-client-ca-file', `${pki}/front-proxy-ca.crt`],
      ['root-ca-file', `${pki}/ca.crt`],
      ['service-account-private-key-file', `${pki}/sa.key`],
      ['service-cluster-ip-range', s.serviceSubnet],
      ['use-service-account-credentials', 'true'],
    ];
  }
  return [
    ['authentication-kubeconfig', '/etc/kubernetes/scheduler.conf'],
    ['authorization-kubeconfig', '/etc/kubernetes/scheduler.conf'],
    ['bind-address', '127.0.0.1'],
    ['kubeconfig', '/etc/kubernetes/scheduler.conf'],
    ['leader-elect', 'true'],
  ];
}

export interface KubeadmResult {
  components: ControlPlaneComponent[];
  /** The kubelet flags kubeadm passes: `--config` (always) and `nodeRegistration.kubeletExtraArgs`. */
  kubeletFlags: CommandLine[];
  /** What kubeadm fills in of each KubeletConfiguration it writes to /var/lib/kubelet/config.yaml. */
  kubeletDefaults: Map<Classified, KubeletDefaults>;
}

/**
 * kubeadm's defaults for the KubeletConfiguration it writes (cmd/kubeadm/app/componentconfigs/kubelet.go,
 * Default): the fields a user leaves unset get these, and rotateCertificates is set to true whatever the
 * user wrote ("We cannot show a warning for RotateCertificates==false and we must hardcode it to true").
 */
function kubeadmKubeletDefaults(pki: string): KubeletDefaults {
  return {
    writer: 'kubeadm',
    values: {
      clientCAFile: `${pki}/ca.crt`,
      anonymousAuth: false,
      webhookAuthentication: true,
      authorizationMode: 'Webhook',
    },
    forced: { rotateCertificates: true },
    source: 'cmd/kubeadm/app/componentconfigs/kubelet.go',
  };
}

/**
 * Files are read together when they are one kubeadm configuration: the documents of one file, or the
 * parts of one wrapper (a Cluster API KubeadmControlPlane). `kubeletConfigs` are every uploaded
 * KubeletConfiguration: those in a kubeadm configuration are what kubeadm writes, with its defaults.
 */
export function fromKubeadm(
  items: readonly Classified[],
  kubeletConfigs: readonly Classified[],
  budget: Budget,
): KubeadmResult {
  const result: KubeadmResult = { components: [], kubeletFlags: [], kubeletDefaults: new Map() };
  const groupOf = (item: Classified) => item.group?.id ?? item.doc.file;
  const groups = new Map<string, Classified[]>();
  for (const item of items) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const anyInit = items.find((item) => item.kind === 'InitConfiguration')?.doc;
  // A Cluster API cluster's joining nodes get the kubelet-config ConfigMap its first node wrote.
  const clusterApiInit = items.find((item) => item.group && item.kind === 'InitConfiguration');
  for (const [id, group] of groups) {
    const cluster = group.find((item) => item.kind === 'ClusterConfiguration');
    const init = group.find((item) => item.kind === 'InitConfiguration');
    const certificatesDir = cluster?.doc.get('/certificatesDir');
    const pki = (typeof certificatesDir === 'string' ? certificatesDir : '/etc/kubernetes/pki').replace(
      /\/+$/,
      '',
    );
    const defaults = kubeadmKubeletDefaults(pki);
    const configs = kubeletConfigs.filter((config) => (config.group?.id ?? config.doc.file) === id);
    for (const config of configs) result.kubeletDefaults.set(config, defaults);
    if (cluster) {
      const settings = clusterSettings(cluster.doc, init?.doc ?? (cluster.group ? undefined : anyInit));
      for (const key of Object.keys(COMPONENT) as ControlPlaneKey[])
        result.components.push(component(cluster, key, settings, budget));
    }
    for (const item of group) {
      if (item.kind !== 'InitConfiguration' && item.kind !== 'JoinConfiguration') continue;
      const unknown = item.unknown ?? configs.find((config) => config.unknown)?.unknown;
      const flags = { ...kubeletFlags(item), ...(unknown ? { hidden: unknown } : {}) };
      // kubeadm init writes the kubelet config itself; a plain join downloads it from the cluster.
      const writtenFrom =
        item.kind === 'InitConfiguration' || (item.group && clusterApiInit) ? item : undefined;
      const written = configs[0] ?? (writtenFrom ? kubeadmWrittenConfig(writtenFrom) : undefined);
      if (written && !result.kubeletDefaults.has(written)) result.kubeletDefaults.set(written, defaults);
      result.kubeletFlags.push(written ? { ...flags, writes: written } : flags);
    }
  }
  return result;
}

/** The KubeletConfiguration kubeadm writes when the configuration has none: its defaults alone. */
function kubeadmWrittenConfig(from: Classified): Classified {
  return {
    doc: from.doc.derive({}),
    type: 'kubelet-config',
    kind: 'KubeletConfiguration',
    component: 'kubelet',
    role: null,
    note: null,
    ...(from.group ? { group: from.group } : {}),
  };
}

function clusterSettings(doc: SourceDocument, init: SourceDocument | undefined): ClusterSettings {
  // An absent InitConfiguration leaves its fields unset; it never falls back to the ClusterConfiguration.
  const read = (source: SourceDocument | undefined, pointer: string) => {
    const value = source?.get(pointer);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const text = (pointer: string) => read(doc, pointer);
  return {
    pki: (text('/certificatesDir') ?? '/etc/kubernetes/pki').replace(/\/+$/, ''),
    bindPort: read(init, '/localAPIEndpoint/bindPort') ?? '6443',
    advertiseAddress: read(init, '/localAPIEndpoint/advertiseAddress'),
    serviceSubnet: text('/networking/serviceSubnet') ?? '10.96.0.0/12',
    podSubnet: text('/networking/podSubnet'),
    dnsDomain: text('/networking/dnsDomain') ?? 'cluster.local',
    clusterName: text('/clusterName') ?? 'kubernetes',
  };
}

function component(
  item: Classified,
  key: ControlPlaneKey,
  settings: ClusterSettings,
  budget: Budget,
): ControlPlaneComponent {
  const doc = item.doc;
  const name = COMPONENT[key];
  const extraArgsPointer = `/${key}/extraArgs`;
  const insertAt: Location = doc.placeFor([extraArgsPointer, `/${key}`]);
  const written = extraArgs(doc, extraArgsPointer);
  // A clusterctl template's ${VAR} is substituted when the cluster is generated: its value is unknown here.
  const templated = item.group ? written.filter((word) => /\$\{[^}]*\}/.test(word.value)) : [];
  const user = written.filter((word) => !templated.includes(word));
  const userNames = new Set(written.map((word) => word.name));
  // kubeadm leaves --authorization-mode out when the user configures --authorization-config.
  const defaults = defaultFlags(key, settings).filter(
    ([flag]) =>
      !userNames.has(flag) && !(flag === 'authorization-mode' && userNames.has('authorization-config')),
  );
  const words: ArgWord[] = [
    ...defaults.map(([flag, value]) => ({ text: `--${flag}=${value}`, location: insertAt })),
    ...user.map((word) => ({ text: `--${word.name}=${word.value}`, location: word.location })),
  ];
  const given = item.group?.kubernetesVersion;
  const version = given?.value ?? doc.get('/kubernetesVersion');
  const minor = typeof version === 'string' ? /^v?(1\.\d+)/.exec(version)?.[1] : undefined;
  const repository =
    typeof doc.get('/imageRepository') === 'string' ? String(doc.get('/imageRepository')) : 'registry.k8s.io';
  return {
    component: name,
    file: doc.file,
    flags: parseFlags(words, insertAt, budget),
    ...(typeof version === 'string' ? { image: `${repository}/${name}:${version}` } : {}),
    ...(minor
      ? {
          imageVersion: minor,
          versionSource: given ? given.where : `kubernetesVersion ${String(version)} in ${doc.file}`,
        }
      : {}),
    nodeKey: nodeKeyOf(doc.file),
    name: `${name} (from kubeadm ClusterConfiguration ${doc.file})`,
    ...(item.unknown ? { hidden: item.unknown } : {}),
    ...(templated.length > 0
      ? {
          hidden: `${templated.map((word) => `--${word.name}=${word.value}`).join(', ')} hold clusterctl variables, substituted when the cluster is generated: upload the rendered configuration (clusterctl generate cluster, or the object from the management cluster)`,
        }
      : {}),
  };
}

function extraArgs(
  doc: SourceDocument,
  pointer: string,
): Array<{ name: string; value: string; location: Location }> {
  const value = doc.get(pointer);
  if (Array.isArray(value)) {
    return value.flatMap((entry, i) =>
      isPlainObject(entry) && typeof entry.name === 'string'
        ? [{ name: entry.name, value: scalarText(entry.value) ?? '', location: doc.at(`${pointer}/${i}`) }]
        : [],
    );
  }
  if (isPlainObject(value)) {
    return Object.entries(value).map(([name, v]) => ({
      name,
      value: String(v),
      location: doc.at(childPointer(pointer, name)),
    }));
  }
  return [];
}

/** kubeadm's kubelet: started with --config=/var/lib/kubelet/config.yaml plus `kubeletExtraArgs`. */
function kubeletFlags(item: Classified): CommandLine {
  const doc = item.doc;
  const pointer = '/nodeRegistration/kubeletExtraArgs';
  const insertAt = doc.placeFor([pointer, '/nodeRegistration']);
  const args: ArgWord[] = [
    { text: '--config=/var/lib/kubelet/config.yaml', location: insertAt },
    ...extraArgs(doc, pointer).map((arg) => ({ text: `--${arg.name}=${arg.value}`, location: arg.location })),
  ];
  return {
    file: doc.file,
    kind: 'KubeadmConfiguration',
    component: 'kubelet',
    args,
    complete: false,
    insertAt,
    line: insertAt.line,
    ...(item.group?.node ? { node: item.group.node } : {}),
  };
}
