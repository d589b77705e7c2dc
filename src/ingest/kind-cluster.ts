/**
 * kind's Cluster (kind.x-k8s.io/v1alpha4): its `kubeadmConfigPatches` (merge patches, YAML strings) and
 * `kubeadmConfigPatchesJSON6902` (`{group, version, kind, patch}`), at the cluster's level and each
 * node's, read with their positions inside the kind file. src/model/kind.ts applies them to the kubeadm
 * configuration kind generates, as kind does (kubernetes-sigs/kind pkg/internal/patch).
 */
import type { InputDocument } from '../schemas/report';
import type { Budget } from './budget';
import type { Classified, KindPatch } from './classify';
import { blockLayout, type Unwrapped } from './embedded';
import { EmbeddedLocator, type LineIndex } from './positions';
import { SourceDocument } from './source-document';
import { isPlainObject, parseYamlStream, scalarText } from './yaml';

const KEYS = [
  ['kubeadmConfigPatches', false],
  ['kubeadmConfigPatchesJSON6902', true],
] as const;

export function unwrapKindPatches(
  envelope: Classified,
  text: string,
  lines: LineIndex,
  budget: Budget,
): Unwrapped {
  const result: Unwrapped = { objects: [], commandLines: [], documents: [] };
  const cluster = envelope.doc;
  const listed = (pointer: string, label: string, recognized: boolean, note: string) => {
    const entry: InputDocument = {
      index: cluster.index,
      pointer: cluster.base + pointer,
      line: cluster.at(pointer).line,
      kind: 'KindPatch',
      component: null,
      role: null,
      recognized,
      note: `${label}: ${note}`,
    };
    result.documents.push(entry);
  };
  let order = 0;
  const read = (pointer: string, node: number | null) => {
    for (const [key, json6902] of KEYS) {
      const list = cluster.get(`${pointer}/${key}`);
      if (!Array.isArray(list)) continue;
      list.forEach((entry: unknown, i) => {
        const at = `${pointer}/${key}/${i}`;
        const label = `${node === null ? '' : `nodes[${node}].`}${key}[${i}]`;
        const target = json6902 && isPlainObject(entry) ? entry : undefined;
        const source = json6902 ? target?.patch : entry;
        const where = json6902 ? `${at}/patch` : at;
        if (typeof source !== 'string') {
          listed(where, label, false, 'not a YAML string');
          return;
        }
        const place = cluster.at(where);
        const layout = json6902
          ? blockLayout(text, lines, place.line)
          : listEntryLayout(text, lines, place.line);
        const locator = new EmbeddedLocator(source, place, layout);
        // Once per request on its budget: an alias of the same patch is charged again, never parsed again.
        const stream = budget.once(json6902 ? (target ?? list) : list, json6902 ? 'patch' : String(i), () =>
          parseYamlStream(source, budget),
        );
        for (const error of stream.errors) listed(where, label, false, error.message);
        for (const parsed of stream.documents) {
          const value = isPlainObject(parsed.value) ? parsed.value : {};
          const doc = new SourceDocument(cluster.file, cluster.index, '', value, parsed.offsets, locator);
          const kind = scalarText((target ?? value).kind) ?? '';
          // pkg/internal/patch/matchinfo.go: group/version, the version alone, or nothing (any apiVersion).
          const group = scalarText(target?.group) ?? '';
          const version = scalarText(target?.version) ?? '';
          const apiVersion = target
            ? group
              ? `${group}/${version}`
              : version
            : (scalarText(value.apiVersion) ?? '');
          const patch: KindPatch = {
            cluster,
            node,
            order: order++,
            ...(target
              ? {
                  json6902: { apiVersion, kind, operations: Array.isArray(parsed.value) ? parsed.value : [] },
                }
              : {}),
          };
          result.objects.push({
            doc,
            type: 'kind-patch',
            kind: kind || 'unknown',
            component: null,
            role: null,
            note: null,
            patch,
          });
          listed(
            where,
            label,
            true,
            `patches the ${kind || '(no kind)'} ${apiVersion || 'of any apiVersion'} kind generates`,
          );
        }
      });
    }
  };
  read('', null);
  const nodes = cluster.get('/nodes');
  if (Array.isArray(nodes))
    nodes.forEach((_node, i) => {
      read(`/nodes/${i}`, i);
    });
  return result;
}

/**
 * For a list entry `- |` the entry's position is where its text starts (the next line), unlike a
 * `key: |` value's, which is its key's: the text starts there, at that line's indentation.
 */
function listEntryLayout(
  text: string,
  lines: LineIndex,
  line: number,
): { lineShift: number; indent: number } | undefined {
  if (!/^\s*-\s*[|>][-+0-9]*\s*(#.*)?$/.test(line > 1 ? lines.lineText(text, line - 1) : ''))
    return undefined;
  const first = lines.lineText(text, line);
  return { lineShift: 0, indent: first.length - first.trimStart().length };
}
