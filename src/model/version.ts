/** The Kubernetes version the rules judge against: given in the request, or shown by an image tag. */
import type { ApiServer } from './apiserver';

export interface KubernetesVersion {
  /** `1.31` */
  minor: string;
  /** `request option`, or the image and the file it was read from. */
  source: string;
}

export function detectVersion(
  option: string | null,
  apiServers: readonly ApiServer[],
): KubernetesVersion | null {
  if (option) return { minor: option, source: 'request option kubernetesVersion' };
  const shown = apiServers.find((server) => server.imageVersion);
  if (shown?.imageVersion) {
    return {
      minor: shown.imageVersion,
      source: shown.versionSource ?? `image ${shown.image} in ${shown.file}`,
    };
  }
  return null;
}

/** The minor version a request names: `v1.31.2` → `1.31`; null when it names none. */
export function minorOf(version: string | undefined): string | null {
  return version?.replace(/^v/, '').split('.').slice(0, 2).join('.') ?? null;
}

/** Compares minor versions: `1.9` < `1.22`. */
export function compareMinor(a: string, b: string): number {
  return versionPart(a, 0) - versionPart(b, 0) || versionPart(a, 1) - versionPart(b, 1);
}

/** The major (0) or minor (1) of `1.22` as a number (0 when absent), without arrays: it runs per rule and flag. */
function versionPart(version: string, part: 0 | 1): number {
  const dot = version.indexOf('.');
  if (part === 0) return Number(dot < 0 ? version : version.slice(0, dot));
  if (dot < 0) return 0;
  const next = version.indexOf('.', dot + 1);
  return Number(next < 0 ? version.slice(dot + 1) : version.slice(dot + 1, next));
}
