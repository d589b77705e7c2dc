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
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
