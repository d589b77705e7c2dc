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
  group?: { id: string; node?: string; kubernetesVersion?: { value: string; where: string } };
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

/** The kubelet's effective configuration, the same on every distribution. */
const CONFIGZ =
  'the kubelet configuration it runs with (kubectl get --raw /api/v1/nodes/<node>/proxy/configz)';

/**
 * k0s and Talos start the components with flags and kubelet settings of their own (pkg/component in
 * k0s, machined's controllers in Talos), over which their files apply; that rendering is not
 * reproduced here, so a verdict from these files alone would rest on what they do not show.
 */
const K0S = `a k0s ClusterConfig: k0s starts kube-apiserver and the kubelet with flags and settings of its own that this file only overrides, and those are not reproduced here: upload the command lines k0s runs (ps -o args= -C kube-apiserver, kube-controller-manager, kube-scheduler, kubelet on the nodes), ${CONFIGZ} and /var/lib/k0s/konnectivity.conf`;
const TALOS = `a Talos machine configuration: Talos renders the control-plane static pods and the kubelet's configuration from it over defaults of its own (machined serves the pods to the kubelet; no manifest file exists on the node), and that rendering is not reproduced here: upload the mirror pods (kubectl get pods -n kube-system -l tier=control-plane -o yaml) and ${CONFIGZ}`;

/** Why objects kube-comms-lint does not read are left out, by API group and kind. */
const LATER: Record<string, string> = {
  'cluster.x-k8s.io/ClusterClass':
    "a Cluster API ClusterClass: its patches change the templates it references when a Cluster uses it, with that Cluster's variables; they are not applied here: upload the rendered KubeadmControlPlane and KubeadmConfigTemplate (kubectl get -o yaml on the management cluster)",
  'k0s.k0sproject.io/ClusterConfig': K0S,
  // k0sctl accepts the kind in lower case.
  'k0s.k0sproject.io/clusterconfig': K0S,
  // k0smotron: spec.k0sConfigSpec.k0s is a k0s ClusterConfig.
  'controlplane.cluster.x-k8s.io/K0sControlPlane': `k0smotron's K0sControlPlane holds ${K0S}`,
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
  if (isTalosConfig(kind, apiVersion, value)) {
    return { ...base, kind: kind || 'TalosMachineConfig', type: 'unrecognized', note: TALOS };
  }
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const later = Object.hasOwn(LATER, `${group}/${kind}`) ? LATER[`${group}/${kind}`] : undefined;
  return { ...base, type: 'unrecognized', note: later ?? 'not a configuration kube-comms-lint reads' };
}

/** `talosctl gen config` (`version: v1alpha1`, machine, cluster), or Talos 1.15's `apiVersion: v1alpha1` documents. */
function isTalosConfig(kind: string, apiVersion: string, value: Record<string, unknown>): boolean {
  if (!kind && value.version === 'v1alpha1' && isPlainObject(value.machine)) return true;
  return apiVersion === 'v1alpha1' && /^Kube[A-Za-z]*Config$/.test(kind);
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
