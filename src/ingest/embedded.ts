/**
 * Configuration that arrives wrapped in another object: kubeadm's ConfigMaps (`kube-system/kubelet-config`
 * holds the KubeletConfiguration every joining node gets, `kubeadm-config` the ClusterConfiguration) and
 * Kubescape's host-sensor `KubeletInfo` (the kubelet's command line, and its `--config` file in base64).
 * The wrapped text is read like an uploaded file, its positions mapped back into the wrapper.
 */
import type { InputDocument } from '../schemas/report';
import type { Budget } from './budget';
import { classify, type Classified } from './classify';
import { readCommandLines, type CommandLine } from './command-line';
import { unwrapClusterApi } from './cluster-api';
import { unwrapK0s } from './k0s-wrapper';
import { unwrapKindPatches } from './kind-cluster';
import { EmbeddedLocator, type LineIndex } from './positions';
import { SourceDocument } from './source-document';
import { isPlainObject, parseYamlStream, type ParsedStream } from './yaml';

export interface Unwrapped {
  objects: Classified[];
  commandLines: CommandLine[];
  documents: InputDocument[];
}

/** ConfigMap data keys that hold a configuration file. */
const CONFIG_MAP_KEYS = ['kubelet', 'ClusterConfiguration'];

/**
 * The configuration inside a wrapper. Each embedded text is parsed once per request, on the request's
 * budget: a wrapper used again through an alias is charged again, never parsed again.
 */
export function unwrap(envelope: Classified, text: string, lines: LineIndex, budget: Budget): Unwrapped {
  const result: Unwrapped = { objects: [], commandLines: [], documents: [] };
  const doc = envelope.doc;
  if (envelope.type === 'config-map') {
    const data = isPlainObject(doc.value.data) ? doc.value.data : {};
    for (const key of CONFIG_MAP_KEYS) {
      const value = Object.hasOwn(data, key) ? data[key] : undefined;
      if (typeof value !== 'string') continue;
      const pointer = `/data/${key}`;
      const layout = blockLayout(text, lines, doc.at(pointer).line);
      const locator = new EmbeddedLocator(value, doc.at(pointer), layout);
      const stream = budget.once(data, key, () => parseYamlStream(value, budget));
      readEmbedded(
        result,
        doc,
        stream,
        locator,
        `${key} from ConfigMap ${doc.value.kind === 'ConfigMap' ? name(doc) : ''}`.trim(),
      );
    }
  }
  if (envelope.type === 'cluster-api') return unwrapClusterApi(envelope, text, lines, budget);
  if (envelope.type === 'kind-cluster') return unwrapKindPatches(envelope, text, lines, budget);
  if (envelope.type === 'k0s-wrapper') return unwrapK0s(envelope);
  if (envelope.type === 'kubelet-info') {
    const data = isPlainObject(doc.value.data) ? doc.value.data : {};
    const cmdLine = typeof data.cmdLine === 'string' ? data.cmdLine : '';
    const configFile = isPlainObject(data.configFile) ? data.configFile : {};
    let config: Classified | undefined;
    const content = configFile.content;
    if (typeof content === 'string') {
      const stream = budget.once(configFile, 'content', () => {
        const decoded = decodeBase64(content);
        if (decoded === undefined) return undefined;
        budget.spendBytes(decoded.length);
        return parseYamlStream(decoded, budget);
      });
      const locator = new EmbeddedLocator('', doc.at('/data/configFile/content'), undefined);
      if (stream) {
        config = readEmbedded(
          result,
          doc,
          stream,
          locator,
          'kubelet --config file from Kubescape KubeletInfo (base64)',
          asKubeletConfig,
        );
      }
    }
    const cmdLocator = new EmbeddedLocator('', doc.at('/data/cmdLine'), undefined);
    // The sensor's command line sometimes lacks the program: it is the kubelet's all the same.
    const program = /^\s*-/.test(cmdLine) ? `kubelet ${cmdLine}` : cmdLine;
    for (const command of readCommandLines(doc.file, program, cmdLocator, budget)) {
      if (command.component !== 'kubelet') continue;
      result.commandLines.push({ ...command, ...(config ? { config } : {}) });
      result.documents.push(entry(doc, 'CommandLine', 'kubelet command line from Kubescape KubeletInfo'));
    }
  }
  return result;
}

/** The file the kubelet's --config names is its KubeletConfiguration, even when the sensor's copy lacks `kind`. */
function asKubeletConfig(item: Classified): Classified {
  return item.type === 'unrecognized' && !item.doc.value.kind
    ? { ...item, type: 'kubelet-config', kind: 'KubeletConfiguration', component: 'kubelet', note: null }
    : item;
}

export function readEmbedded(
  result: Unwrapped,
  outer: SourceDocument,
  stream: ParsedStream,
  locator: EmbeddedLocator,
  note: string,
  refine: (item: Classified) => Classified = (item) => item,
  /** The node path the wrapper writes the text to (Cluster API files[].path). */
  writtenAt?: string,
): Classified | undefined {
  let first: Classified | undefined;
  for (const parsed of stream.documents) {
    if (!isPlainObject(parsed.value)) continue;
    const inner = new SourceDocument(
      outer.file,
      outer.index,
      '',
      parsed.value,
      parsed.offsets,
      locator,
      writtenAt,
    );
    const classified = refine(classify(inner));
    result.objects.push(classified);
    result.documents.push({
      ...entry(outer, classified.kind, note),
      component: classified.component,
      recognized: classified.type !== 'unrecognized',
    });
    first ??= classified;
  }
  for (const error of stream.errors) {
    result.documents.push({ ...entry(outer, 'text', `${note}: ${error.message}`), recognized: false });
  }
  return first;
}

function entry(doc: SourceDocument, kind: string, note: string): InputDocument {
  return {
    index: doc.index,
    pointer: doc.base,
    line: doc.at('').line,
    kind,
    component: 'kubelet',
    role: null,
    recognized: true,
    note,
  };
}

function name(doc: SourceDocument): string {
  const metadata = isPlainObject(doc.value.metadata) ? doc.value.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'kube-system';
  return `${namespace}/${typeof metadata.name === 'string' ? metadata.name : ''}`;
}

/**
 * For `key: |` block scalars the text starts on the next line, at that line's indentation. Reads only
 * those two lines: a file of many ConfigMaps must not be split into lines once per ConfigMap.
 */
export function blockLayout(
  text: string,
  lines: LineIndex,
  keyLine: number,
): { lineShift: number; indent: number } | undefined {
  const keyText = lines.lineText(text, keyLine);
  if (!/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(keyText)) return undefined;
  const next = lines.lineText(text, keyLine + 1);
  return { lineShift: 1, indent: next.length - next.trimStart().length };
}

export function decodeBase64(content: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(content.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}
