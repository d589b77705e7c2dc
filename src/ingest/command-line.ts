/**
 * Flags that live outside YAML: a process command line (`ps -o args=` output, one process a line, or a
 * raw `/proc/PID/cmdline` with NUL separators), a systemd unit, a MicroK8s args file, or an environment
 * file. A kubelet flags file (`/var/lib/kubelet/kubeadm-flags.env`, `/etc/default/kubelet`,
 * `/etc/sysconfig/kubelet`, `/etc/eks/kubelet/environment`) holds variables the kubelet's unit expands
 * on its command line; read alone, the variables distributions use for that are its flags.
 */
import type { Location } from '../schemas/common';
import type { Budget } from './budget';
import type { InputDocument } from '../schemas/report';
import type { Classified } from './classify';
import { componentOfProgram, type Component } from './components';
import { isEnvironmentText, readEnvironmentFile, type EnvironmentFile } from './environment-file';
import { readMicroK8sArgs, type Kubelite } from './microk8s-args';
import { textLocation, type Locator } from './positions';
import { splitShellWords, type Word } from './shell-words';
import { SYSTEMD_SECTION, readSystemdUnit, type SystemdUnit } from './systemd-unit';

export interface ArgWord {
  text: string;
  location: Location;
}

export interface CommandLine {
  file: string;
  kind:
    | 'CommandLine'
    | 'KubeletFlagsFile'
    | 'SystemdUnit'
    | 'KubeadmConfiguration'
    | 'DistributionConfig'
    | 'ArgsFile';
  component: Component;
  /** The flags and arguments after the program name. */
  args: ArgWord[];
  /** A whole command line says what is absent too (no `--config`); a flags file only adds flags. */
  complete: boolean;
  /** Where a new flag would be written. */
  insertAt: Location;
  line: number;
  /** The `--config` file when it came with the command line (Kubescape KubeletInfo), bound directly. */
  config?: Classified;
  /**
   * The `--config` file the tool that starts the kubelet writes (kubeadm's /var/lib/kubelet/config.yaml):
   * used when no uploaded file is at that path.
   */
  writes?: Classified;
  /** The node the command line runs on, when its file does not say (one kind or Cluster API file, many nodes). */
  node?: string;
  /** The distribution whose layout it came in, when that says more than the flags (MicroK8s' certificates). */
  layout?: 'microk8s';
  /**
   * Set when flags may be hidden from the upload (a unit's EnvironmentFile that was not uploaded): why,
   * and what to upload. The flags shown hold, but an absent one cannot be judged.
   */
  hidden?: string;
  /** Every file that made this command line (a unit, its drop-ins and EnvironmentFiles), for messages. */
  sources?: string[];
}

/**
 * The variables distributions pass the kubelet's flags in: kubeadm's kubeadm-flags.env
 * (KUBELET_KUBEADM_ARGS), the deb/rpm packages' and EKS AL2's KUBELET_EXTRA_ARGS, EKS AL2's
 * KUBELET_ARGS, AKS's KUBELET_FLAGS, kops' DAEMON_ARGS (/etc/sysconfig/kubelet), EKS AL2023's
 * NODEADM_KUBELET_ARGS, and KUBELET_OPTS of binary installs. DAEMON_ARGS is any daemon's name: only in
 * a file named kubelet.
 */
const KUBELET_ARGS_VARIABLE = /^KUBELET_[A-Z_]*ARGS$|^KUBELET_OPTS$|^KUBELET_FLAGS$|^NODEADM_KUBELET_ARGS$/;

export function isKubeletFlagsVariable(name: string, file: string): boolean {
  return KUBELET_ARGS_VARIABLE.test(name) || (name === 'DAEMON_ARGS' && /(^|\/)kubelet$/.test(file));
}

/** What a text file that is not YAML holds: command lines, and the unit, environment or kubelite it is. */
export interface TextForms {
  commandLines: CommandLine[];
  unit?: SystemdUnit;
  environment?: EnvironmentFile;
  kubelite?: Kubelite;
  /** Why a recognised form gave nothing to read (a MicroK8s args file of another program). */
  note?: string;
}

/** The command lines, unit or environment of a text file; their words are charged to `budget`. */
export function readTextForms(file: string, text: string, lines: Locator, budget: Budget): TextForms {
  if (text.includes('\0')) return { commandLines: readProcCmdline(file, text, lines, budget) };
  const microk8s = readMicroK8sArgs(file, text, lines, budget);
  if (microk8s?.kind === 'component') return { commandLines: [microk8s.commandLine] };
  if (microk8s?.kind === 'kubelite') return { commandLines: [], kubelite: microk8s.kubelite };
  if (microk8s?.kind === 'other')
    return {
      commandLines: [],
      note: `MicroK8s args file of ${microk8s.name}: not a component kube-comms-lint reads`,
    };
  if (SYSTEMD_SECTION.test(text))
    return { commandLines: [], unit: readSystemdUnit(file, text, lines, budget) };
  // Checked before its words are read: the words of a file that is something else are not charged.
  if (!isEnvironmentText(text)) return { commandLines: readCommandLines(file, text, lines, budget) };
  const place = (offset: number): Location => ({
    file,
    ...lines.locate(offset),
    pointer: '',
    document: 0,
    default: false,
  });
  const environment = readEnvironmentFile(text, place, budget);
  return { commandLines: readKubeletFlagsFile(file, environment), environment };
}

/** Process command lines, one a line (`ps -o args=`), or a NUL-separated /proc/PID/cmdline. */
export function readCommandLines(file: string, text: string, lines: Locator, budget: Budget): CommandLine[] {
  if (text.includes('\0')) return readProcCmdline(file, text, lines, budget);
  const found: CommandLine[] = [];
  // Join backslash-continued lines, then read each process line on its own.
  const lineStarts = [0, ...[...text.matchAll(/(?<!\\)\n/g)].map((m) => m.index + 1)];
  for (const start of lineStarts) {
    const end = text.indexOf('\n', start);
    let stop = end < 0 ? text.length : end;
    while (stop < text.length && text[stop - 1] === '\\') {
      const next = text.indexOf('\n', stop + 1);
      stop = next < 0 ? text.length : next;
    }
    // Every line is split, but only a component's words are charged: another program's line is dropped.
    const room = budget.commandLineRoom() + 1; // and the program's own word
    const words = splitShellWords(text.slice(start, stop), start, room);
    const programIndex = words.findIndex((word) => !/^[A-Z_]+=/.test(word.text) && word.text !== 'exec');
    const program = words[programIndex];
    // `ExecStart=/usr/bin/kubelet $ARGS` in a systemd unit is not a command line: its flags live in variables.
    const component = program && !program.text.includes('=') ? componentOfProgram(program.text) : undefined;
    if (!program || !component) continue;
    if (words.length > room) budget.checkCommandLineRoom(words.length); // cut short: it does not fit
    found.push(
      commandLine(
        file,
        lines,
        {
          kind: 'CommandLine',
          component,
          words: words.slice(programIndex + 1),
          complete: true,
          insertOffset: program.offset,
        },
        budget,
      ),
    );
  }
  return found;
}

/** A flags file read alone: each kubelet flags variable adds its words to the kubelet's flags. */
function readKubeletFlagsFile(file: string, environment: EnvironmentFile): CommandLine[] {
  return environment.values
    .filter((value) => isKubeletFlagsVariable(value.name, file))
    .map((value) => ({
      file,
      kind: 'KubeletFlagsFile',
      component: 'kubelet',
      args: value.words,
      complete: false,
      insertAt: { ...value.location, default: true },
      line: value.location.line,
    }));
}

/** `/proc/PID/cmdline`: the program and its arguments separated (and ended) by NUL bytes. */
export function isProcCmdline(text: string): boolean {
  const program = text.slice(0, text.indexOf('\0'));
  return text.includes('\0') && componentOfProgram(program) !== undefined;
}

function readProcCmdline(file: string, text: string, lines: Locator, budget: Budget): CommandLine[] {
  const words: Word[] = [];
  let offset = 0;
  for (const part of text.split('\0')) {
    if (part !== '') words.push({ text: part, offset });
    offset += part.length + 1;
  }
  const component = words[0] ? componentOfProgram(words[0].text) : undefined;
  if (!component) return [];
  return [
    commandLine(
      file,
      lines,
      { kind: 'CommandLine', component, words: words.slice(1), complete: true, insertOffset: 0 },
      budget,
    ),
  ];
}

/**
 * A CommandLine from words and their offsets in the file; a new flag would go at `insertOffset`. The words
 * are charged to `budget` before each gets its place in the file (most of what a word costs).
 */
export function commandLine(
  file: string,
  lines: Locator,
  parts: {
    kind: CommandLine['kind'];
    component: Component;
    words: readonly Word[];
    complete: boolean;
    insertOffset: number;
    lineOffset?: number;
  },
  budget: Budget,
): CommandLine {
  budget.checkCommandLineRoom(parts.words.length);
  const at = textLocation(file, lines);
  const args = parts.words.map((word) => ({ text: word.text, location: at(word.offset) }));
  budget.spendCommandLine(args);
  return {
    file,
    kind: parts.kind,
    component: parts.component,
    args,
    complete: parts.complete,
    insertAt: { ...at(parts.insertOffset), default: true },
    line: lines.locate(parts.lineOffset ?? parts.insertOffset).line,
  };
}

/** True when the text is an environment file: comments and `NAME=value` lines only (checked cheaply first). */
export function isEnvFile(text: string): boolean {
  const first = text.split('\n', 50).find((line) => !/^\s*([#;].*)?$/.test(line));
  if (first === undefined) return /^\s*[#;]/m.test(text); // comments only: an empty environment file
  return /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=/.test(first) && isEnvironmentText(text);
}

/** The report's entry for a text form that is not itself a command line. */
export function textFormDocument(forms: TextForms): InputDocument | undefined {
  const base = { index: 0, pointer: '', line: 1, role: null };
  if (forms.unit) {
    const { unit } = forms;
    const files = unit.directives.flatMap((d) => (d.key === 'EnvironmentFile' && d.path ? [d.path] : []));
    const component =
      unit.component ?? (unit.dropIn ? componentOfProgram(unit.unit.replace(/\.service$/, '')) : undefined);
    return {
      ...base,
      kind: 'SystemdUnit',
      component: component ?? null,
      recognized: component !== undefined,
      note: component
        ? `systemd ${unit.dropIn ? `drop-in for ${unit.unit}` : `unit ${unit.unit}`}: the ${component} command line of its ExecStart, merged with the unit's other uploaded files${files.length > 0 ? ` and expanded with the variables of ${files.join(', ')}` : ''} (a variable no uploaded file sets is empty, as systemd reads it)`
        : 'a systemd unit that starts no Kubernetes component',
    };
  }
  if (forms.kubelite) {
    return {
      ...base,
      kind: 'MicroK8sKubelite',
      component: null,
      recognized: true,
      note: 'MicroK8s args/kubelite: the args file of each component and whether this node runs the control plane (--start-control-plane)',
    };
  }
  if (forms.environment && forms.commandLines.length === 0) {
    return {
      ...base,
      kind: 'EnvironmentFile',
      component: null,
      recognized: false,
      note: 'environment file (NAME=value lines): read when an uploaded systemd unit names it in EnvironmentFile=',
    };
  }
  if (forms.note)
    return { ...base, kind: 'MicroK8sArgs', component: null, recognized: false, note: forms.note };
  return undefined;
}
