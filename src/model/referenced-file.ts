/**
 * Finds the uploaded file a flag names by path. Uploads are named by their path on the node, but users
 * also send `config.yaml` or `node-1/var/lib/kubelet/config.yaml`, so: the exact path or a path ending
 * in it first, then the same file name, then the only candidate there is.
 */
export function findReferencedFile<T extends { file: string; writtenAt?: string | undefined }>(
  path: string,
  candidates: readonly T[],
): T | undefined {
  const wanted = path.replace(/^\/+/, '');
  // A document a wrapper writes elsewhere (Cluster API files[]) is found where it is written.
  const at = (c: T) => c.writtenAt ?? c.file;
  const bySuffix = candidates.filter((c) => at(c) === path || at(c).replace(/^\/+/, '').endsWith(wanted));
  if (bySuffix.length >= 1) return bySuffix[0];
  const name = wanted.split('/').pop();
  const byName = candidates.filter((c) => at(c).split('/').pop() === name);
  if (byName.length === 1) return byName[0];
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Files that belong to one machine share the part of their name before the node's root directories. */
export function nodeKeyOf(file: string): string {
  const parts = file.split('/');
  const root = parts.findIndex((part) => ROOT_DIRECTORIES.has(part));
  if (root <= 0) return '';
  return parts.slice(0, root).filter(Boolean).join('/');
}

const ROOT_DIRECTORIES = new Set(['etc', 'var', 'run', 'opt', 'usr', 'proc', 'srv', 'home', 'root', 'lib']);
