/**
 * Flags that live outside YAML: a process command line (`ps -o args=` output, one process a line, or a
 * raw `/proc/PID/cmdline` with NUL separators), a systemd unit, or a kubelet environment file
 * (`/var/lib/kubelet/kubeadm-flags.env`, `/etc/default/kubelet`) whose `KUBELET_*ARGS=` variables the
 * kubelet's systemd unit appends to its command line.
 */
import type { Location } from '../schemas/common';
import type { Classified } from './classify';
import { componentOfProgram, type Component } from './components';
import type { Locator } from './positions';
import { splitShellWords, type Word } from './shell-words';
import { SYSTEMD_SECTION, readSystemdUnit } from './systemd-unit';

export interface ArgWord {
  text: string;
  location: Location;
}

export interface CommandLine {
  file: string;
  kind: 'CommandLine' | 'KubeletFlagsFile' | 'SystemdUnit' | 'KubeadmConfiguration' | 'DistributionConfig';
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
}

const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm;
const KUBELET_ARGS_VARIABLE = /^KUBELET_[A-Z_]*ARGS$|^KUBELET_OPTS$/;

export function readCommandLines(file: string, text: string, lines: Locator): CommandLine[] {
  if (text.includes('\0')) return readProcCmdline(file, text, lines);
  if (SYSTEMD_SECTION.test(text)) {
    const unit = readSystemdUnit(file, text, lines);
    return unit ? [unit] : [];
  }
  const fromEnv = readKubeletEnvFile(file, text, lines);
  if (fromEnv.length > 0) return fromEnv;
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
    const words = splitShellWords(text.slice(start, stop), start);
    const programIndex = words.findIndex((word) => !/^[A-Z_]+=/.test(word.text) && word.text !== 'exec');
    const program = words[programIndex];
    // `ExecStart=/usr/bin/kubelet $ARGS` in a systemd unit is not a command line: its flags live in variables.
    const component = program && !program.text.includes('=') ? componentOfProgram(program.text) : undefined;
    if (!program || !component) continue;
    found.push(
      commandLine(file, lines, {
        kind: 'CommandLine',
        component,
        words: words.slice(programIndex + 1),
        complete: true,
        insertOffset: program.offset,
      }),
    );
  }
  return found;
}

function readKubeletEnvFile(file: string, text: string, lines: Locator): CommandLine[] {
  const found: CommandLine[] = [];
  for (const match of text.matchAll(ENV_LINE)) {
    const [, name = '', raw = ''] = match;
    if (!KUBELET_ARGS_VARIABLE.test(name)) continue;
    const valueOffset = match.index + match[0].indexOf('=') + 1;
    const words = splitShellWords(raw, valueOffset);
    // A quoted value is one shell word holding all the flags: split it again, keeping offsets inside it.
    const flags = words.flatMap((word) => {
      const quoted = /^["']/.test(text.slice(word.offset, word.offset + 1)) ? 1 : 0;
      return splitShellWords(word.text, word.offset + quoted);
    });
    found.push(
      commandLine(file, lines, {
        kind: 'KubeletFlagsFile',
        component: 'kubelet',
        words: flags,
        complete: false,
        insertOffset: valueOffset,
        lineOffset: match.index,
      }),
    );
  }
  return found;
}

/** `/proc/PID/cmdline`: the program and its arguments separated (and ended) by NUL bytes. */
export function isProcCmdline(text: string): boolean {
  const program = text.slice(0, text.indexOf('\0'));
  return text.includes('\0') && componentOfProgram(program) !== undefined;
}

function readProcCmdline(file: string, text: string, lines: Locator): CommandLine[] {
  const words: Word[] = [];
  let offset = 0;
  for (const part of text.split('\0')) {
    if (part !== '') words.push({ text: part, offset });
    offset += part.length + 1;
  }
  const component = words[0] ? componentOfProgram(words[0].text) : undefined;
  if (!component) return [];
  return [
    commandLine(file, lines, {
      kind: 'CommandLine',
      component,
      words: words.slice(1),
      complete: true,
      insertOffset: 0,
    }),
  ];
}

/** A CommandLine from words and their offsets in the file; a new flag would go at `insertOffset`. */
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
): CommandLine {
  const at = (offset: number): Location => ({
    file,
    ...lines.locate(offset),
    pointer: '',
    document: 0,
    default: false,
  });
  return {
    file,
    kind: parts.kind,
    component: parts.component,
    args: parts.words.map((word) => ({ text: word.text, location: at(word.offset) })),
    complete: parts.complete,
    insertAt: { ...at(parts.insertOffset), default: true },
    line: lines.locate(parts.lineOffset ?? parts.insertOffset).line,
  };
}
