/**
 * Ingest: from uploaded files to classified objects and command lines, with every parse problem
 * reported against its file, line and column. One broken file or document never stops the others.
 */
import type { InputDocument, InputError } from '../schemas/report';
import type { Budget } from './budget';
import { classify, type Classified } from './classify';
import { unwrap } from './embedded';
import { isEnvFile, readTextForms, textFormDocument, type CommandLine } from './command-line';
import type { EnvironmentFile } from './environment-file';
import { isMicroK8sArgsFile, type Kubelite } from './microk8s-args';
import { findPrivateKeys, isPemText, pemDocuments, readPem, type PemContent } from './pem';
import { LineIndex, type Locator } from './positions';
import { SYSTEMD_SECTION, type SystemdUnit } from './systemd-unit';
import { SourceDocument } from './source-document';
import { checkText, decodeUpload } from './text';
import { isPlainObject, parseYamlStream } from './yaml';

export interface Upload {
  /** The file's path on the node, as the client named it. */
  name: string;
  content: Uint8Array | string;
}

export interface IngestedFile {
  name: string;
  errors: InputError[];
  objects: Classified[];
  commandLines: CommandLine[];
  /** A systemd unit or drop-in: merged with the others and expanded in the model. */
  unit?: SystemdUnit;
  /** An environment file (`VAR=value` lines) a unit may name in EnvironmentFile=. */
  environment?: EnvironmentFile;
  /** MicroK8s' args/kubelite. */
  kubelite?: Kubelite;
  /** What the report's `inputs` says about each document. */
  documents: InputDocument[];
  /** A PEM file's blocks; for another file, the private keys pasted into it, if any. */
  pem?: PemContent;
}

/** One uploaded file, drawing on the request's `budget` (a LimitError when it runs out). */
export function ingestFile(upload: Upload, budget: Budget): IngestedFile {
  const file: IngestedFile = { name: upload.name, errors: [], objects: [], commandLines: [], documents: [] };
  const decoded =
    typeof upload.content === 'string' ? checkText(upload.content) : decodeUpload(upload.content);
  if (!decoded.ok) {
    file.errors.push({ message: decoded.message, line: 1, column: 1 });
    return file;
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    file.errors.push({ message: 'the file is empty', line: 1, column: 1 });
    return file;
  }
  if (isPemText(text)) {
    file.pem = readPem(text, budget);
    file.documents.push(...pemDocuments(file.pem));
    return file;
  }
  const privateKeys = findPrivateKeys(text);
  if (privateKeys.length > 0) file.pem = { certificates: [], privateKeys, others: [] };
  if (text.includes('\0') || SYSTEMD_SECTION.test(text) || isMicroK8sArgsFile(upload.name) || isEnvFile(text))
    return withCommandLines(file, text, new LineIndex(text), budget);
  const stream = parseYamlStream(text, budget);
  let scalars = 0;
  for (const parsed of stream.documents) {
    if (!isPlainObject(parsed.value)) {
      if (parsed.value !== null) scalars++;
      continue;
    }
    const items = listItems(parsed.value);
    for (const [base, value] of items) {
      if (base !== '') budget.spendDocument(); // a List's document was counted when it was split off
      const doc = new SourceDocument(upload.name, parsed.index, base, value, parsed.offsets, stream.lines);
      const classified = classify(doc);
      file.objects.push(classified);
      const inner = unwrap(classified, text, stream.lines, budget);
      file.objects.push(...inner.objects);
      file.commandLines.push(...inner.commandLines);
      file.documents.push(
        {
          index: parsed.index,
          pointer: base,
          line: doc.at('').line,
          kind: classified.kind,
          component: classified.component,
          role: classified.role,
          recognized: classified.type !== 'unrecognized',
          note: classified.note,
        },
        ...inner.documents,
      );
    }
  }
  // A text that opens a JSON or flow collection is no command line: not read as one (a 5 MiB `[[[…`
  // would be split into shell words for nothing).
  if (file.objects.length === 0 && !/^\s*[[{]/.test(text)) {
    withCommandLines(file, text, stream.lines, budget);
    if (file.commandLines.length > 0) return file; // a command line is not YAML: its "syntax errors" are noise
  }
  file.errors.push(...stream.errors);
  if (file.documents.length === 0 && stream.errors.length === 0 && scalars > 0) {
    file.documents.push({
      index: 0,
      pointer: '',
      line: 1,
      kind: 'text',
      component: null,
      role: null,
      recognized: false,
      note: 'plain text: neither a Kubernetes object nor a component command line',
    });
  }
  return file;
}

function withCommandLines(file: IngestedFile, text: string, lines: Locator, budget: Budget): IngestedFile {
  const forms = readTextForms(file.name, text, lines, budget);
  file.commandLines = forms.commandLines;
  if (forms.unit) file.unit = forms.unit;
  if (forms.environment) file.environment = forms.environment;
  if (forms.kubelite) file.kubelite = forms.kubelite;
  const notes: Record<CommandLine['kind'], string> = {
    CommandLine: 'process command line',
    KubeletFlagsFile: 'kubelet flags added to its command line',
    SystemdUnit: 'systemd unit: the flags its ExecStart line passes',
    KubeadmConfiguration: 'kubelet flags kubeadm passes',
    DistributionConfig: 'kubelet-arg of a k3s/RKE2 config',
    ArgsFile: "MicroK8s args file: the component's whole command line",
  };
  const other = textFormDocument(forms);
  if (other) file.documents.push(other);
  for (const command of file.commandLines) {
    file.documents.push({
      index: 0,
      pointer: '',
      line: command.line,
      kind: command.kind,
      component: command.component,
      role: null,
      recognized: true,
      note: notes[command.kind],
    });
  }
  return file;
}

/** A `kind: List` (or `PodList`, ...) stands for its items; anything else for itself. */
function listItems(value: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const kind = typeof value.kind === 'string' ? value.kind : '';
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items.flatMap((item, i) =>
      isPlainObject(item) ? [[`/items/${i}`, item] as [string, Record<string, unknown>]] : [],
    );
  }
  return [['', value]];
}
