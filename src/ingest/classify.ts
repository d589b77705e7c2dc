/**
 * Says what each uploaded object is and which component it configures. Anything we do not read is
 * still listed (recognized: false, with a note), never an error.
 */
import { componentOfImage, componentOfProgram, type Component } from './components';
import { kubeconfigRole, type KubeconfigRole } from './kubeconfig-role';
import type { SourceDocument } from './source-document';
import { isPlainObject } from './yaml';
import { own } from '../security/own-property';

export type DocumentType =
  | 'workload'
  | 'kubelet-config'
  | 'kubeconfig'
  | 'egress-selector'
  | 'authentication-config'
  | 'authorization-config'
  | 'rbac'
  | 'kubernetes-service'
  /** Wrappers whose content is read as files of their own (src/ingest/embedded.ts). */
  | 'config-map'
  | 'kubelet-info'
  /** kubeadm Init/Cluster/JoinConfiguration: read as the static pods and kubelet flags kubeadm writes. */
  | 'kubeadm'
  /** k3s / RKE2 config.yaml and its drop-ins. */
  | 'distribution-config'
  /** Cluster API KubeadmControlPlane(Template), KubeadmConfig(Template): kubeadm configuration and files inside. */
  | 'cluster-api'
  /** kind's Cluster (kind.x-k8s.io): how kind generates each node's kubeadm configuration. */
  | 'kind-cluster'
  /** One of its kubeadmConfigPatches or kubeadmConfigPatchesJSON6902 (src/ingest/kind-cluster.ts). */
  | 'kind-patch'
  /** A Talos machine configuration, or one of Talos 1.15's Kubernetes documents (src/model/talos.ts). */
  | 'talos-config'
  /** A k0s ClusterConfig (src/model/k0s.ts). */
  | 'k0s-config'
  /** k0sctl's Cluster and k0smotron's control planes: the k0s ClusterConfig inside is read. */
  | 'k0s-wrapper'
  | 'unrecognized';

export interface Classified {
  doc: SourceDocument;
  type: DocumentType;
  kind: string;
  component: Component | null;
  role: KubeconfigRole | null;
  note: string | null;
  /** For workloads: pointer to the pod spec (`/spec` or `/spec/template/spec`) and the container index. */
  podSpec?: string;
  container?: number;
  /** For kubelet configs: read from a /configz dump (effective values) rather than a config file. */
  live?: boolean;
  /**
   * For configuration wrapped in an object (a Cluster API KubeadmControlPlane, a kind node): which
   * wrapper, so its parts are read together; and the node its kubelet runs on.
   */
  group?: {
    id: string;
    node?: string;
    kubernetesVersion?: { value: string; where: string };
    /** The `k0s controller` arguments a wrapper passes (k0smotron's k0sConfigSpec.args). */
    controllerArgs?: string[];
  };
  /** Why what the object holds is not known (a kind patch that may or may not apply), and what to upload. */
  unknown?: string;
  /** For a kind patch: which cluster and node it patches, in what order, and a JSON 6902 patch's target and operations. */
  patch?: KindPatch;
}

export interface KindPatch {
  /** The kind Cluster document. */
  cluster: SourceDocument;
  /** The index in `nodes` of the node whose patch it is; null for the cluster's. */
  node: number | null;
  order: number;
  /** The target's apiVersion: `group/version`, the version alone, or '' for any. */
  json6902?: { apiVersion: string; kind: string; operations: unknown[] };
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const WORKLOAD_KINDS: Record<string, string> = {
  Pod: '/spec',
  DaemonSet: '/spec/template/spec',
  Deployment: '/spec/template/spec',
  StatefulSet: '/spec/template/spec',
  ReplicaSet: '/spec/template/spec',
};
const KUBEADM_KINDS = new Set(['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration']);
const KUBEADM_NOTES: Record<string, string> = {
  ClusterConfiguration:
    "read as the static pods kubeadm writes: kubeadm's default flags under your extraArgs",
  InitConfiguration:
    'read for the API endpoint and the kubelet flags kubeadm passes (--config, kubeletExtraArgs)',
  JoinConfiguration: 'read for the kubelet flags kubeadm passes (--config, kubeletExtraArgs)',
};
const SERVICE_KINDS = new Set(['Service', 'Endpoints', 'EndpointSlice']);
/** Where each Cluster API kind keeps its KubeadmConfigSpec. */
export const CLUSTER_API_SPECS: Record<string, { group: string; spec: string }> = {
  KubeadmControlPlane: { group: 'controlplane.cluster.x-k8s.io/', spec: '/spec/kubeadmConfigSpec' },
  KubeadmControlPlaneTemplate: {
    group: 'controlplane.cluster.x-k8s.io/',
    spec: '/spec/template/spec/kubeadmConfigSpec',
  },
  KubeadmConfig: { group: 'bootstrap.cluster.x-k8s.io/', spec: '/spec' },
  KubeadmConfigTemplate: { group: 'bootstrap.cluster.x-k8s.io/', spec: '/spec/template/spec' },
};

const K0S_NOTE =
  "k0s ClusterConfig: read as k0s runs kube-apiserver, Konnectivity and the kubelets, k0s' own flags and settings under spec.api.extraArgs and spec.workerProfiles (the install command line's --kubelet-extra-args, --single and --disable-components are not in this file: upload `systemctl cat k0scontroller k0sworker` to show them)";
const TALOS_NOTE =
  "Talos machine configuration: read as machined renders the control plane and the kubelet, Talos' own flags and settings under your extraArgs and extraConfig (patches applied later with talosctl are not in this file: upload `talosctl get machineconfig -o yaml` for the one in effect)";
/** Talos 1.15's documents that change the control plane or the kubelet; its other documents are not read. */
const TALOS_KINDS = new Set([
  'KubeAPIServerConfig',
  'KubeControllerManagerConfig',
  'KubeSchedulerConfig',
  'KubeletConfig',
  'KubeAuthorizerConfig',
  'KubeAuthenticationConfig',
  'KubeClusterConfig',
  'KubeServiceAccountConfig',
]);
/** Where k0sctl and k0smotron keep the k0s ClusterConfig they run k0s with. */
export const K0S_WRAPPERS: Record<string, { group: string; config: string; args?: string }> = {
  Cluster: { group: 'k0sctl.k0sproject.io/', config: '/spec/k0s/config' },
  K0sControlPlane: {
    group: 'controlplane.cluster.x-k8s.io/',
    config: '/spec/k0sConfigSpec/k0s',
    args: '/spec/k0sConfigSpec/args',
  },
  K0smotronControlPlane: { group: 'controlplane.cluster.x-k8s.io/', config: '/spec/k0sConfig' },
};

/** Why objects kube-comms-lint does not read are left out, by API group and kind. */
const LATER: Record<string, string> = {
  'cluster.x-k8s.io/ClusterClass':
    "a Cluster API ClusterClass: its patches change the templates it references when a Cluster uses it, with that Cluster's variables; they are not applied here: upload the rendered KubeadmControlPlane and KubeadmConfigTemplate (kubectl get -o yaml on the management cluster)",
  'cluster.x-k8s.io/Cluster':
    'a Cluster API Cluster: its kubeadm configuration is in the KubeadmControlPlane and KubeadmConfigTemplate it references; upload those',
};

export function classify(doc: SourceDocument): Classified {
  const value = doc.value;
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const base = { doc, kind: kind || 'unknown', component: null, role: null, note: null };

  if (!kind && isPlainObject(value.kubeletconfig)) {
    return {
      ...base,
      type: 'kubelet-config',
      kind: 'KubeletConfiguration',
      component: 'kubelet',
      live: true,
      note: 'kubelet /configz dump',
    };
  }
  if (kind === 'KubeletConfiguration' && apiVersion.startsWith('kubelet.config.k8s.io/')) {
    return { ...base, type: 'kubelet-config', component: 'kubelet' };
  }
  if (kind === 'Config' && (Array.isArray(value.clusters) || Array.isArray(value.users))) {
    const role = kubeconfigRole(doc);
    return { ...base, type: 'kubeconfig', component: role.component, role: role.role };
  }
  if (kind === 'EgressSelectorConfiguration') {
    return { ...base, type: 'egress-selector', component: 'kube-apiserver' };
  }
  if (kind === 'AuthenticationConfiguration' && apiVersion.startsWith('apiserver.config.k8s.io/')) {
    return { ...base, type: 'authentication-config', component: 'kube-apiserver' };
  }
  if (kind === 'AuthorizationConfiguration' && apiVersion.startsWith('apiserver.config.k8s.io/')) {
    return { ...base, type: 'authorization-config', component: 'kube-apiserver' };
  }
  if (KUBEADM_KINDS.has(kind) && apiVersion.startsWith('kubeadm.k8s.io/')) {
    return { ...base, type: 'kubeadm', note: own(KUBEADM_NOTES, kind) ?? null };
  }
  if (kind === 'Cluster' && apiVersion.startsWith('kind.x-k8s.io/')) {
    return {
      ...base,
      type: 'kind-cluster',
      note: 'kind: read as the kubeadm configuration kind generates for each node, with its kubeadmConfigPatches',
    };
  }
  const clusterApi = Object.hasOwn(CLUSTER_API_SPECS, kind) ? CLUSTER_API_SPECS[kind] : undefined;
  if (clusterApi && apiVersion.startsWith(clusterApi.group)) {
    return {
      ...base,
      type: 'cluster-api',
      note: 'Cluster API: the kubeadm configuration and files it holds are read below',
    };
  }
  if (kind === 'KubeletInfo' && apiVersion.startsWith('hostdata.kubescape.cloud/')) {
    return {
      ...base,
      type: 'kubelet-info',
      component: 'kubelet',
      note: 'Kubescape host-sensor kubelet data',
    };
  }
  if (kind === 'ConfigMap' && isKubeadmConfigMap(value)) {
    return { ...base, type: 'config-map', note: 'kubeadm ConfigMap: its configuration is read below' };
  }
  if (RBAC_KINDS.has(kind) && apiVersion.startsWith('rbac.authorization.k8s.io/')) {
    return { ...base, type: 'rbac' };
  }
  if (SERVICE_KINDS.has(kind) && isKubernetesService(value)) {
    return {
      ...base,
      type: 'kubernetes-service',
      component: 'kube-apiserver',
      note: 'the default/kubernetes Service',
    };
  }
  const podSpec = own(WORKLOAD_KINDS, kind);
  if (podSpec) {
    const found = findComponentContainer(doc, podSpec);
    if (found)
      return { ...base, type: 'workload', component: found.component, podSpec, container: found.index };
    return {
      ...base,
      type: 'unrecognized',
      note: 'no control-plane or Konnectivity container in this workload',
    };
  }
  if (!kind && isDistributionConfig(doc.file, value)) {
    return {
      ...base,
      kind: `${doc.file.includes('/rancher/rke2/') ? 'RKE2' : 'k3s'} config`,
      type: 'distribution-config',
      note: 'its *-arg flags and egress-selector-mode',
    };
  }
  if (!kind && value.version === 'v1alpha1' && isPlainObject(value.machine)) {
    return { ...base, kind: 'TalosMachineConfig', type: 'talos-config', note: TALOS_NOTE };
  }
  if (apiVersion === 'v1alpha1' && TALOS_KINDS.has(kind)) {
    return {
      ...base,
      type: 'talos-config',
      note: `Talos ${kind}: read with the machine configuration of its file`,
    };
  }
  // k0sctl accepts the kind in lower case.
  if (apiVersion.startsWith('k0s.k0sproject.io/') && kind.toLowerCase() === 'clusterconfig') {
    return { ...base, kind: 'ClusterConfig', type: 'k0s-config', note: K0S_NOTE };
  }
  const k0sWrapper = own(K0S_WRAPPERS, kind);
  if (k0sWrapper && apiVersion.startsWith(k0sWrapper.group)) {
    return {
      ...base,
      type: 'k0s-wrapper',
      note: `${kind}: the k0s ClusterConfig it runs k0s with is read below`,
    };
  }
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const later = Object.hasOwn(LATER, `${group}/${kind}`) ? LATER[`${group}/${kind}`] : undefined;
  return { ...base, type: 'unrecognized', note: later ?? 'not a configuration kube-comms-lint reads' };
}

const DISTRIBUTION_KEYS =
  /^(kube-apiserver-arg|kube-controller-manager-arg|kube-scheduler-arg|kubelet-arg|kube-proxy-arg|egress-selector-mode|cluster-init|tls-san|node-name|write-kubeconfig-mode)\+?$/;

function isDistributionConfig(file: string, value: Record<string, unknown>): boolean {
  return (
    /\/etc\/rancher\/(k3s|rke2)\/config\.yaml/.test(file) ||
    Object.keys(value).some((key) => DISTRIBUTION_KEYS.test(key))
  );
}

function isKubeadmConfigMap(value: Record<string, unknown>): boolean {
  const metadata = isPlainObject(value.metadata) ? value.metadata : {};
  const data = isPlainObject(value.data) ? value.data : {};
  return (
    /^(kubelet-config(-1\.\d+)?|kubeadm-config)$/.test(String(metadata.name)) &&
    (typeof data.kubelet === 'string' || typeof data.ClusterConfiguration === 'string')
  );
}

function isKubernetesService(value: Record<string, unknown>): boolean {
  const metadata = isPlainObject(value.metadata) ? value.metadata : {};
  const labels = isPlainObject(metadata.labels) ? metadata.labels : {};
  const named = metadata.name === 'kubernetes' || labels['kubernetes.io/service-name'] === 'kubernetes';
  return named && (metadata.namespace === undefined || metadata.namespace === 'default');
}

function findComponentContainer(
  doc: SourceDocument,
  podSpec: string,
): { component: Component; index: number } | undefined {
  const containers = doc.get(`${podSpec}/containers`);
  if (!Array.isArray(containers)) return undefined;
  const found = containers.flatMap((container, index) => {
    const component = isPlainObject(container) ? containerComponent(container) : undefined;
    return component ? [{ component, index, name: (container as { name?: unknown }).name }] : [];
  });
  // A sidecar beside the component (kops' kube-apiserver healthcheck) is told apart by name: the pod's
  // default container, else the container named after its component, else the first.
  const wanted = doc.get(
    `${podSpec.replace(/\/spec$/, '')}/metadata/annotations/kubectl.kubernetes.io~1default-container`,
  );
  return (
    found.find((c) => typeof wanted === 'string' && c.name === wanted) ??
    found.find((c) => c.name === c.component) ??
    found[0]
  );
}

/** A container's component, from its command, then its first argument, image and name. */
export function containerComponent(container: Record<string, unknown>): Component | undefined {
  const command = Array.isArray(container.command) ? container.command : [];
  const args = Array.isArray(container.args) ? container.args : [];
  const first = [command[0], args[0]].find((word): word is string => typeof word === 'string');
  const fromProgram = first ? componentOfProgram(first.split(/\s+/)[0] ?? '') : undefined;
  if (fromProgram) return fromProgram;
  if (typeof container.image === 'string') {
    const fromImage = componentOfImage(container.image);
    if (fromImage) return fromImage;
  }
  return typeof container.name === 'string'
    ? componentOfProgram(container.name.replace(/-container$/, ''))
    : undefined;
}
