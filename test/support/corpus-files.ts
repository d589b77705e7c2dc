/**
 * Real files of test/fixtures/corpus uploaded under the paths their distribution puts them at on a
 * node, and the two assemblies a distribution's own tooling makes from its files: kops nodeup writes
 * each task's `contents` at its `path`, and appends the kube-apiserver-healthcheck sidecar's containers
 * and volumes to the kube-apiserver pod (kops nodeup/pkg/model/kube_apiserver_healthcheck.go).
 */
import { readFileSync } from 'node:fs';
import { dump, load, loadAll } from 'js-yaml';
import type { Upload } from '../../src/ingest';

const root = new URL('../fixtures/corpus/', import.meta.url).pathname;

/** A corpus file's text. */
export const corpusText = (path: string): string => readFileSync(root + path, 'utf8');

/** A corpus file uploaded as the node path `name`. */
export const at = (path: string, name: string): Upload => ({ name, content: corpusText(path) });

/** MicroK8s' default args files, at /var/snap/microk8s/<revision>/args/ where its install hook copies them. */
export const MICROK8S_ARGS = [
  'kube-apiserver',
  'kubelet',
  'kube-controller-manager',
  'kube-scheduler',
  'kube-proxy',
  'kubelite',
] as const;
export const microk8sArgs = (revision = 'current'): Upload[] =>
  MICROK8S_ARGS.map((name) =>
    at(`microk8s/microk8s-resources/default-args/${name}`, `/var/snap/microk8s/${revision}/args/${name}`),
  );

interface Task {
  path?: unknown;
  contents?: unknown;
  Name?: unknown;
  definition?: unknown;
}

/** The files a kops nodeup golden task list writes: each `contents` at its `path`, each unit's `definition`. */
export function kopsTasks(path: string): Upload[] {
  return (loadAll(corpusText(path)) as Array<Task | null>).flatMap((task): Upload[] => {
    if (!task) return [];
    if (typeof task.path === 'string' && typeof task.contents === 'string')
      return [{ name: task.path, content: task.contents }];
    if (typeof task.Name === 'string' && typeof task.definition === 'string')
      return [{ name: `/lib/systemd/system/${task.Name}`, content: task.definition }];
    return [];
  });
}

interface PodShape {
  spec: { containers: unknown[]; volumes?: unknown[] };
}

/** kube-apiserver.manifest as nodeup writes it when the healthcheck sidecar is enabled. */
export function kopsApiserverWithHealthcheck(): Upload {
  const pod = load(corpusText('kops-derived/etc/kubernetes/manifests/kube-apiserver.manifest')) as PodShape;
  const sidecar = load(
    corpusText(
      'kops/tests/integration/update_cluster/ha/data/aws_s3_object_manifests-static-kube-apiserver-healthcheck_content',
    ),
  ) as PodShape;
  pod.spec.containers.push(...sidecar.spec.containers);
  pod.spec.volumes = [...(pod.spec.volumes ?? []), ...(sidecar.spec.volumes ?? [])];
  return { name: '/etc/kubernetes/manifests/kube-apiserver.manifest', content: dump(pod) };
}
