/**
 * A kind Cluster as the kubeadm configuration kind writes to each node (/kind/kubeadm.conf), from
 * kind's own template (kubernetes-sigs/kind pkg/cluster/internal/kubeadm/config.go: kubeadm v1beta2
 * before Kubernetes 1.23, v1beta3 before 1.36, v1beta4 from 1.36) with the Cluster's patches applied:
 * the cluster's first, then the node's; in each, merge patches then JSON 6902 ones
 * (pkg/cluster/internal/create/actions/config/config.go, pkg/internal/patch/kubeyaml.go). A merge patch
 * applies to a document of its kind whose apiVersion it names or, naming none, to any; a JSON 6902 patch
 * to the group/version and kind it names. A patch that names another kubeadm version is silently unused.
 *
 * Only what the rules read is generated: kind sets no authentication, authorization or kubelet
 * serving-certificate setting, so kubeadm's defaults decide those (src/model/kubeadm.ts).
 */
import type { Classified } from '../ingest/classify';
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject, scalarText } from '../ingest/yaml';
import { compareMinor } from './version';
import { PatchedDocument } from './patched-document';

export interface KindModel {
  /** kubeadm Cluster/Init/JoinConfiguration of every node, grouped by node. */
  kubeadm: Classified[];
  kubeletConfigs: Classified[];
}

/** kind's defaults for an empty Cluster (pkg/apis/config/v1alpha4/default.go). */
const POD_SUBNET = '10.244.0.0/16';
const SERVICE_SUBNET = '10.96.0.0/16';
const API_SERVER_ADDRESS = '127.0.0.1';

function kubeadmApiVersion(minor: string): string {
  if (compareMinor(minor, '1.23') < 0) return 'kubeadm.k8s.io/v1beta2';
  return compareMinor(minor, '1.36') < 0 ? 'kubeadm.k8s.io/v1beta3' : 'kubeadm.k8s.io/v1beta4';
}

export function fromKindClusters(
  clusters: readonly Classified[],
  patches: readonly Classified[],
  requestedVersion: string | null,
): KindModel {
  const result: KindModel = { kubeadm: [], kubeletConfigs: [] };
  for (const cluster of clusters) {
    const doc = cluster.doc;
    const name = scalarText(doc.value.name) ?? 'kind';
    const listed = doc.get('/nodes');
    const nodes = Array.isArray(listed) && listed.length > 0 ? listed : [{ role: 'control-plane' }];
    const mine = patches
      .filter((p) => p.patch?.cluster === doc)
      .sort((a, b) => (a.patch?.order ?? 0) - (b.patch?.order ?? 0));
    let controlPlanes = 0;
    let workers = 0;
    nodes.forEach((node, i) => {
      const role = isPlainObject(node) && node.role === 'worker' ? 'worker' : 'control-plane';
      const count = role === 'worker' ? ++workers : ++controlPlanes;
      const nodeName = `${name}-${role}${count > 1 ? count : ''}`;
      const image = isPlainObject(node) ? scalarText(node.image) : undefined;
      const fromImage = image ? /:v?(1\.\d+)/.exec(image)?.[1] : undefined;
      const minor = fromImage ?? requestedVersion;
      const version = fromImage
        ? { value: `v${fromImage}`, where: `node image ${image ?? ''} of ${nodeName}` }
        : requestedVersion
          ? { value: `v${requestedVersion}`, where: 'the request (kubernetesVersion)' }
          : undefined;
      const group = {
        id: `${doc.file}#${doc.index}/nodes/${i}`,
        node: nodeName,
        ...(version ? { kubernetesVersion: version } : {}),
      };
      const apiVersion = minor ? kubeadmApiVersion(minor) : undefined;
      const first = role === 'control-plane' && count === 1;
      const generated = template(doc, apiVersion, role === 'control-plane', first, i);
      const relevant = mine.filter((p) => p.patch?.node === null || p.patch?.node === i);
      for (const { kind, document } of generated) {
        const unknown = applyPatches(document, kind, apiVersion, relevant);
        const item: Classified = {
          doc: document,
          type: kind === 'KubeletConfiguration' ? 'kubelet-config' : 'kubeadm',
          kind,
          component: kind === 'KubeletConfiguration' ? 'kubelet' : null,
          role: null,
          note: null,
          group,
          ...(unknown ? { unknown } : {}),
        };
        (item.type === 'kubelet-config' ? result.kubeletConfigs : result.kubeadm).push(item);
      }
    });
  }
  return result;
}

interface Generated {
  kind: string;
  document: PatchedDocument;
}

/** kind's template, the parts of it the rules read; `apiVersion` undefined when the version is unknown. */
function template(
  cluster: SourceDocument,
  apiVersion: string | undefined,
  controlPlane: boolean,
  first: boolean,
  index: number,
): Generated[] {
  const where = cluster.at(`/nodes/${index}`, true);
  const make = (kind: string, value: Record<string, unknown>): Generated => ({
    kind,
    document: new PatchedDocument(cluster.file, cluster.index, value, where),
  });
  const kubeadm = (kind: string, value: Record<string, unknown> = {}) =>
    make(kind, { ...(apiVersion ? { apiVersion } : {}), kind, ...value });
  const networking = isPlainObject(cluster.value.networking) ? cluster.value.networking : {};
  const v1beta4 = apiVersion === 'kubeadm.k8s.io/v1beta4';
  // extraArgs as kubeadm's version writes them: a map before v1beta4, a list of {name, value} from it.
  const args = (entries: Array<[string, string]>) =>
    v1beta4 ? entries.map(([name, value]) => ({ name, value })) : Object.fromEntries(entries);
  const gates = isPlainObject(cluster.value.featureGates) ? cluster.value.featureGates : {};
  const gateList = Object.entries(gates)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([gate, on]) => `${gate}=${String(on)}`)
    .join(',');
  const featureGates: Array<[string, string]> = gateList ? [['feature-gates', gateList]] : [];
  const runtime = isPlainObject(cluster.value.runtimeConfig) ? cluster.value.runtimeConfig : {};
  const runtimeConfig = Object.entries(runtime)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([api, value]) => `${api}=${String(value)}`)
    .join(',');
  const docs: Generated[] = [];
  if (controlPlane) {
    docs.push(
      kubeadm('ClusterConfiguration', {
        apiServer: {
          certSANs: ['localhost', scalarText(networking.apiServerAddress) ?? API_SERVER_ADDRESS],
          extraArgs: args([['runtime-config', runtimeConfig], ...featureGates]),
        },
        controllerManager: { extraArgs: args([...featureGates, ['enable-hostpath-provisioner', 'true']]) },
        scheduler: { extraArgs: args(featureGates) },
        networking: {
          podSubnet: scalarText(networking.podSubnet) ?? POD_SUBNET,
          serviceSubnet: scalarText(networking.serviceSubnet) ?? SERVICE_SUBNET,
        },
      }),
    );
  }
  docs.push(kubeadm(first ? 'InitConfiguration' : 'JoinConfiguration'));
  docs.push(
    make('KubeletConfiguration', {
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      cgroupDriver: 'systemd',
      cgroupRoot: '/kubelet',
      failSwapOn: false,
      imageGCHighThresholdPercent: 100,
      evictionHard: { 'nodefs.available': '0%', 'nodefs.inodesFree': '0%', 'imagefs.available': '0%' },
      ...(gateList ? { featureGates: { ...gates } } : {}),
    }),
  );
  return docs;
}

/**
 * Applies the patches that match the document; returns why the result is unknown when a patch names a
 * kubeadm apiVersion and the version kind generates is not known, or an operation cannot be applied.
 */
function applyPatches(
  document: PatchedDocument,
  kind: string,
  apiVersion: string | undefined,
  patches: readonly Classified[],
): string | undefined {
  const reasons: string[] = [];
  const generated = kind === 'KubeletConfiguration' ? 'kubelet.config.k8s.io/v1beta1' : apiVersion;
  const merges = patches.filter((p) => !p.patch?.json6902);
  const operations = patches.filter((p) => p.patch?.json6902);
  // kind's patches run in two rounds, the cluster's then the node's: merge patches first in each.
  for (const round of [null, 'node'] as const) {
    const inRound = (p: Classified) => (round === null ? p.patch?.node === null : p.patch?.node !== null);
    for (const patch of merges.filter(inRound)) {
      if (patch.kind !== kind) continue;
      const wanted = scalarText(patch.doc.value.apiVersion);
      if (wanted && !generated) {
        reasons.push(
          `a kubeadmConfigPatches entry names ${wanted}: whether it applies depends on the Kubernetes version (kind generates kubeadm v1beta3 for 1.23 to 1.35, v1beta4 from 1.36)`,
        );
        continue;
      }
      if (wanted && wanted !== generated) continue;
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = patch.doc.value;
      document.mergePatch(rest, patch.doc, generated === 'kubeadm.k8s.io/v1beta4');
    }
    for (const patch of operations.filter(inRound)) {
      const target = patch.patch?.json6902;
      if (target?.kind !== kind) continue;
      const wanted = target.apiVersion;
      if (wanted && !generated) {
        reasons.push(
          `a kubeadmConfigPatchesJSON6902 entry names ${wanted}: whether it applies depends on the Kubernetes version`,
        );
        continue;
      }
      if (wanted && wanted !== generated) continue;
      const failed = document.jsonPatch(target.operations, patch.doc);
      if (failed) reasons.push(`kind would stop at this JSON 6902 patch: ${failed}`);
    }
  }
  return reasons.length > 0
    ? `${[...new Set(reasons)].join('; ')}: give the Kubernetes version (kubernetesVersion, or a node image), or upload /kind/kubeadm.conf from the node (docker exec <node> cat /kind/kubeadm.conf)`
    : undefined;
}
