/**
 * k0sctl's `Cluster` (spec.k0s.config) and k0smotron's `K0sControlPlane` (spec.k0sConfigSpec.k0s) and
 * `K0smotronControlPlane` (spec.k0sConfig) run k0s with the ClusterConfig they hold; without one, k0s
 * runs with its defaults. The ClusterConfig is read in place, with the wrapper's Kubernetes version.
 */
import { K0S_WRAPPERS, type Classified } from './classify';
import type { Unwrapped } from './embedded';
import { isPlainObject, scalarText } from './yaml';

export function unwrapK0s(envelope: Classified): Unwrapped {
  const result: Unwrapped = { objects: [], commandLines: [], documents: [] };
  const { doc, kind } = envelope;
  const where = Object.hasOwn(K0S_WRAPPERS, kind) ? K0S_WRAPPERS[kind] : undefined;
  if (!where) return result;
  const metadata = isPlainObject(doc.value.metadata) ? doc.value.metadata : {};
  const name = `${kind} ${scalarText(metadata.name) ?? ''}`.trim();
  const written = doc.get(where.config);
  const version = scalarText(doc.get(kind === 'Cluster' ? '/spec/k0s/version' : '/spec/version'));
  const args = where.args ? doc.get(where.args) : undefined;
  const controllerArgs = Array.isArray(args) ? args.flatMap((arg) => scalarText(arg) ?? []) : [];
  result.objects.push({
    doc: isPlainObject(written) ? doc.child(where.config, written) : doc.derive({}),
    type: 'k0s-config',
    kind: 'ClusterConfig',
    component: null,
    role: null,
    note: null,
    group: {
      id: `${doc.file}#${doc.index}${doc.base} ${name}`,
      ...(version
        ? { kubernetesVersion: { value: version, where: `the k0s version ${version} of ${name}` } }
        : {}),
      ...(controllerArgs.length > 0 ? { controllerArgs } : {}),
    },
  });
  result.documents.push({
    index: doc.index,
    pointer: doc.base + (isPlainObject(written) ? where.config : ''),
    line: doc.at(isPlainObject(written) ? where.config : '').line,
    kind: 'ClusterConfig',
    component: null,
    role: null,
    recognized: true,
    note: isPlainObject(written)
      ? `the k0s ClusterConfig of ${name}: read as k0s runs it`
      : `${name} holds no ClusterConfig: read as k0s runs with its defaults`,
  });
  return result;
}
