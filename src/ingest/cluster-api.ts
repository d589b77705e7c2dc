/**
 * Cluster API's kubeadm bootstrap objects: KubeadmControlPlane (and its Template) and KubeadmConfig
 * (and its Template) hold a KubeadmConfigSpec whose `clusterConfiguration`, `initConfiguration` and
 * `joinConfiguration` are the kubeadm configuration Cluster API renders for each machine
 * (kubernetes-sigs/cluster-api bootstrap/kubeadm), and whose `files[]` are files written on the node
 * before kubeadm runs (`content` at `path`; an authentication, authorization or egress selector
 * configuration, say). Each part is read in place, its positions those of the uploaded object.
 */
import type { InputDocument } from '../schemas/report';
import type { Budget } from './budget';
import { CLUSTER_API_SPECS, type Classified } from './classify';
import { blockLayout, decodeBase64, readEmbedded, type Unwrapped } from './embedded';
import { EmbeddedLocator, type LineIndex } from './positions';
import { isPlainObject, parseYamlStream, scalarText } from './yaml';

const PARTS: Array<[key: string, kind: string]> = [
  ['clusterConfiguration', 'ClusterConfiguration'],
  ['initConfiguration', 'InitConfiguration'],
  ['joinConfiguration', 'JoinConfiguration'],
];

export function unwrapClusterApi(
  envelope: Classified,
  text: string,
  lines: LineIndex,
  budget: Budget,
): Unwrapped {
  const result: Unwrapped = { objects: [], commandLines: [], documents: [] };
  const { doc, kind } = envelope;
  const where = CLUSTER_API_SPECS[kind];
  const spec = where ? doc.get(where.spec) : undefined;
  if (!where || !isPlainObject(spec)) return result;
  const metadata = isPlainObject(doc.value.metadata) ? doc.value.metadata : {};
  const name = `${kind} ${scalarText(metadata.name) ?? ''}`.trim();
  const version = kind.startsWith('KubeadmControlPlane') ? scalarText(doc.get('/spec/version')) : undefined;
  const group = {
    id: `${doc.file}#${doc.index}${doc.base}`,
    ...(version
      ? { kubernetesVersion: { value: version, where: `spec.version ${version} of ${name}` } }
      : {}),
  };
  const listed = (pointer: string, entry: Omit<InputDocument, 'index' | 'pointer' | 'line' | 'role'>) =>
    result.documents.push({
      index: doc.index,
      pointer: doc.base + pointer,
      line: doc.at(pointer).line,
      role: null,
      ...entry,
    });
  const controlPlane = kind.startsWith('KubeadmControlPlane');
  for (const [key, kubeadmKind] of PARTS) {
    const pointer = `${where.spec}/${key}`;
    const written = spec[key];
    // A control plane's first machine runs kubeadm init, the others join, whether or not the spec says
    // more about them; a KubeadmConfig(Template) that says neither joins (it is a worker's).
    const implied =
      !isPlainObject(written) &&
      (controlPlane
        ? kubeadmKind !== 'ClusterConfiguration'
        : kubeadmKind === 'JoinConfiguration' && !isPlainObject(spec.initConfiguration));
    if (!isPlainObject(written) && !implied) continue;
    // An implied part has no place of its own: its pointers resolve to the kubeadmConfigSpec.
    const value = isPlainObject(written) ? written : {};
    const role = kubeadmKind !== 'JoinConfiguration' ? 'init' : controlPlane ? 'join' : 'nodes';
    result.objects.push({
      doc: doc.child(pointer, value),
      type: 'kubeadm',
      kind: kubeadmKind,
      component: null,
      role: null,
      note: null,
      group: { ...group, ...(kubeadmKind === 'ClusterConfiguration' ? {} : { node: `${name} (${role})` }) },
    });
    listed(implied ? where.spec : pointer, {
      kind: kubeadmKind,
      component: null,
      recognized: true,
      note: implied
        ? `${name} has no ${key}: Cluster API renders kubeadm's defaults for it`
        : `${key} of ${name}: read as the kubeadm ${kubeadmKind} Cluster API renders`,
    });
  }
  const files = Array.isArray(spec.files) ? spec.files : [];
  files.forEach((file, i) => {
    if (!isPlainObject(file)) return;
    const pointer = `${where.spec}/files/${i}`;
    const path = scalarText(file.path) ?? '';
    const skip = (note: string) =>
      listed(pointer, {
        kind: 'File',
        component: null,
        recognized: false,
        note: `files[${i}] ${path}: ${note}`,
      });
    if (isPlainObject(file.contentFrom))
      return skip('its content comes from a Secret: upload the file as written on the node');
    if (typeof file.content !== 'string') return skip('no content');
    const encoding = scalarText(file.encoding) ?? '';
    if (encoding.includes('gzip'))
      return skip(`${encoding} content cannot be read here: upload the file as written on the node`);
    const content = encoding === 'base64' ? decodeBase64(file.content) : file.content;
    if (encoding === 'base64' && content !== undefined) budget.spendBytes(content.length);
    if (content === undefined) return skip('its base64 content does not decode to UTF-8 text');
    if (!/^\s*(apiVersion|kind)\s*:/m.test(content)) return skip('not a Kubernetes configuration file');
    const at = doc.at(`${pointer}/content`);
    const locator = new EmbeddedLocator(
      content,
      at,
      encoding === 'base64' ? undefined : blockLayout(text, lines, at.line),
    );
    const template = scalarText(file.contentFormat) === 'Template' ? ' (a Go template: read as written)' : '';
    // Parsed once per request on its budget, like every embedded text (an alias of the file is charged again).
    const stream = budget.once(file, 'content', () => parseYamlStream(content, budget));
    readEmbedded(
      result,
      doc,
      stream,
      locator,
      `files[${i}] ${path} of ${name}${template}`,
      (item) => item,
      path,
    );
  });
  return result;
}
