/**
 * The Konnectivity topology as the rules need it: which pod mounts which host directory, where a path
 * inside a container lives on the host, which projected service-account token an agent reads, and the
 * flags of konnectivity-server and konnectivity-agent with their binary defaults
 * (src/model/settings/konnectivity.ts).
 * Everything is read from the component's manifest (`doc` + `container`); a component that came as a
 * command line runs on the host, so its paths are host paths.
 */
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';
import type { Location } from '../schemas/common';
import type { ApiServer } from './apiserver';
import type { ClusterModel } from './cluster-model';
import type { ControlPlaneComponent } from './control-plane';
import type { Setting, SettingValue } from './settings/setting';

/** A setting's value as the program sees it: the last occurrence, or the binary default marked as such. */
export interface Effective<T> extends SettingValue<T> {
  /** `--mode=grpc`, or `--mode not set (default grpc)`. */
  describe: string;
}

export function effective<T>(component: ControlPlaneComponent, setting: Setting<T>): Effective<T> {
  const value = setting.of(component);
  if (value.source === 'flag') return value;
  const shown = String(value.value);
  return { ...value, describe: `--${setting.flag} not set (default ${shown === '' ? 'empty' : shown})` };
}

export interface Mount {
  volumeName: string;
  mountPath: string;
  subPath: string | undefined;
  readOnly: boolean;
  /** `hostPath`, `emptyDir`, `projected`, `configMap`, … or `missing` when no volume has the name. */
  volumeType: string;
  hostPath: string | undefined;
  /** Where its `mountPath` is written (worked out when asked for: few rules ask). */
  readonly location: Location;
}

export interface PodView {
  doc: SourceDocument;
  podSpec: string;
  container: string;
  namespace: string;
  /** `spec.serviceAccountName`, or `default` when it is not set. */
  serviceAccountName: string;
  /** Where the service account is named, or the pod spec when it is not (worked out when asked for). */
  readonly serviceAccountLocation: Location;
  mounts: Mount[];
  volumes: Array<{ name: string; value: Record<string, unknown>; pointer: string }>;
}

/**
 * The pod around a component's container, or undefined for a component read from a command line. Read
 * once per component (certificate binding asks for every file flag, rules again): callers share it.
 */
export function podOf(component: ControlPlaneComponent): PodView | undefined {
  if (pods.has(component)) return pods.get(component);
  const pod = readPod(component);
  pods.set(component, pod);
  return pod;
}

const pods = new WeakMap<ControlPlaneComponent, PodView | undefined>();

function readPod(component: ControlPlaneComponent): PodView | undefined {
  const doc = component.doc;
  const container = component.container;
  if (!doc || !container) return undefined;
  const podSpec = container.replace(/\/containers\/\d+$/, '');
  const spec = doc.get(podSpec);
  if (!isPlainObject(spec)) return undefined;
  const metadata = isPlainObject(doc.value.metadata) ? doc.value.metadata : {};
  const volumes = (Array.isArray(spec.volumes) ? spec.volumes : []).flatMap((value, i) =>
    isPlainObject(value) && typeof value.name === 'string'
      ? [{ name: value.name, value, pointer: `${podSpec}/volumes/${i}` }]
      : [],
  );
  const containerValue = doc.get(container);
  const rawMounts =
    isPlainObject(containerValue) && Array.isArray(containerValue.volumeMounts)
      ? containerValue.volumeMounts
      : [];
  const mounts = rawMounts.flatMap((mount, i): Mount[] => {
    if (!isPlainObject(mount) || typeof mount.mountPath !== 'string' || typeof mount.name !== 'string')
      return [];
    const volume = volumes.find((v) => v.name === mount.name);
    const type = volume ? (Object.keys(volume.value).find((key) => key !== 'name') ?? 'unknown') : 'missing';
    const hostPath =
      volume && isPlainObject(volume.value.hostPath) && typeof volume.value.hostPath.path === 'string'
        ? volume.value.hostPath.path
        : undefined;
    return [
      {
        volumeName: mount.name,
        mountPath: trimSlash(mount.mountPath),
        subPath: typeof mount.subPath === 'string' && mount.subPath !== '' ? mount.subPath : undefined,
        readOnly: mount.readOnly === true,
        volumeType: type,
        hostPath,
        get location() {
          return doc.at(`${container}/volumeMounts/${i}/mountPath`);
        },
      },
    ];
  });
  const serviceAccountName =
    typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== ''
      ? spec.serviceAccountName
      : typeof spec.serviceAccount === 'string' && spec.serviceAccount !== ''
        ? spec.serviceAccount
        : 'default';
  return {
    doc,
    podSpec,
    container,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : 'default',
    serviceAccountName,
    get serviceAccountLocation() {
      return doc.at(
        typeof spec.serviceAccountName === 'string' ? `${podSpec}/serviceAccountName` : podSpec,
        typeof spec.serviceAccountName !== 'string',
      );
    },
    mounts,
    volumes,
  };
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** True when `path` is `dir` or lies under it (no `${dir}/` is built: every flag's path asks). */
function within(path: string, dir: string): boolean {
  if (path === dir) return true;
  if (dir === '/') return path.startsWith('/');
  return path.length > dir.length && path.charCodeAt(dir.length) === SLASH && path.startsWith(dir);
}

const SLASH = 47;

/** The mount that holds a path inside the container: the one with the longest mount path. */
export function mountFor(pod: PodView, path: string): Mount | undefined {
  let deepest: Mount | undefined;
  for (const mount of pod.mounts) {
    if (within(path, mount.mountPath) && mount.mountPath.length > (deepest?.mountPath.length ?? -1))
      deepest = mount;
  }
  return deepest;
}

/** Where a container path is on the host, when a hostPath volume holds it. */
export function hostPathOf(pod: PodView, path: string): string | undefined {
  const mount = mountFor(pod, path);
  if (!mount?.hostPath) return undefined;
  const rest = path.slice(mount.mountPath.length);
  const base = mount.subPath ? `${trimSlash(mount.hostPath)}/${mount.subPath}` : trimSlash(mount.hostPath);
  return `${base}${rest}`;
}

export const dirname = (path: string) => path.replace(/\/[^/]*$/, '') || '/';

export interface ProjectedToken {
  /** Path of the token file inside the container. */
  path: string;
  /** `undefined`: not set, so the token carries the API server's own audiences. */
  audience: string | undefined;
  location: Location;
}

/** Projected service-account tokens the container can read, with their file paths. */
export function projectedTokens(pod: PodView): ProjectedToken[] {
  return pod.mounts.flatMap((mount) => {
    const volume = pod.volumes.find((v) => v.name === mount.volumeName);
    const projected = volume && isPlainObject(volume.value.projected) ? volume.value.projected : undefined;
    const sources = projected && Array.isArray(projected.sources) ? projected.sources : [];
    return sources.flatMap((source, i) => {
      if (!isPlainObject(source) || !isPlainObject(source.serviceAccountToken)) return [];
      const token = source.serviceAccountToken;
      if (typeof token.path !== 'string') return [];
      // With subPath the container sees only that part of the volume.
      const sub = mount.subPath;
      const relative = !sub
        ? token.path
        : token.path === sub
          ? ''
          : token.path.startsWith(`${sub}/`)
            ? token.path.slice(sub.length + 1)
            : undefined;
      if (relative === undefined) return [];
      const pointer = `${volume?.pointer}/projected/sources/${i}/serviceAccountToken`;
      return [
        {
          path:
            relative === ''
              ? mount.mountPath
              : `${mount.mountPath === '/' ? '' : mount.mountPath}/${relative}`,
          audience: typeof token.audience === 'string' && token.audience !== '' ? token.audience : undefined,
          location: pod.doc.at(typeof token.audience === 'string' ? `${pointer}/audience` : pointer),
        },
      ];
    });
  });
}

/** The konnectivity-server release an image tag shows (`v0.35.0` → [0, 35, 0]); undefined for `master`. */
export function proxyVersion(component: ControlPlaneComponent): [number, number, number] | undefined {
  const tag = component.image?.split('@')[0]?.split('/').pop()?.split(':')[1];
  const match = tag ? /^v?(\d+)\.(\d+)\.(\d+)/.exec(tag) : null;
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * The konnectivity servers an API server talks to: those on the same node when the upload names nodes,
 * else every server uploaded.
 */
export function serversFor(server: ApiServer, model: ClusterModel): ControlPlaneComponent[] {
  const sameNode = model.konnectivityServers.filter((s) => s.nodeKey === server.nodeKey);
  return sameNode.length > 0 ? sameNode : model.konnectivityServers;
}

/** Every API server whose `--egress-selector-config-file` resolved to this uploaded file. */
export function apiServersUsing(model: ClusterModel, doc: SourceDocument): ApiServer[] {
  return model.apiServers.filter(
    (server) => server.egressSelector.state === 'uploaded' && server.egressSelector.value.doc === doc,
  );
}

/** Locations of the flag(s) that name an egress selector file, for `related`. */
export function egressFlagLocations(model: ClusterModel, doc: SourceDocument): Location[] {
  return apiServersUsing(model, doc).flatMap((server) =>
    server.egressSelector.state === 'uploaded' ? [server.egressSelector.flag.location] : [],
  );
}
