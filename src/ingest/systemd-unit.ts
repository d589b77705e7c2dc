/**
 * A systemd unit or drop-in as written (systemd.unit(5), systemd.service(5), systemd.exec(5)): the
 * `ExecStart=`, `Environment=` and `EnvironmentFile=` directives of its `[Service]` section, in order,
 * each word at its offset. Lines ending in a backslash continue; `#` and `;` lines are comments.
 *
 * A unit is one file of several: its drop-ins (`kubelet.service.d/*.conf`) and the EnvironmentFiles it
 * names are other uploads. src/model/systemd-units.ts merges them and expands the variables, the way
 * systemd does when it starts the service.
 */
import type { Location } from '../schemas/common';
import type { Budget } from './budget';
import type { ArgWord } from './command-line';
import { componentOfProgram, type Component } from './components';
import { locatedWords, type EnvironmentValue, type Place } from './environment-file';
import type { Locator } from './positions';
import { shellWordsWithin } from './shell-words';

export const SYSTEMD_SECTION = /^\[(Unit|Service|Install)\]\s*$/m;

export type UnitDirective =
  /** An empty ExecStart= resets the list (a drop-in's way to replace the unit's command). */
  | { key: 'ExecStart'; words: ArgWord[]; location: Location }
  | { key: 'Environment'; values: EnvironmentValue[]; location: Location }
  /** An empty EnvironmentFile= resets the list; `optional` is the `-` prefix (a missing file is no error). */
  | { key: 'EnvironmentFile'; path: string; optional: boolean; location: Location };

export interface SystemdUnit {
  file: string;
  /** The unit the file defines, or extends when it is a drop-in: `kubelet.service`. */
  unit: string;
  dropIn: boolean;
  directives: UnitDirective[];
  /** The component its own last ExecStart runs. */
  component: Component | undefined;
}

/** The unit a file name says: `…/kubelet.service`, or a drop-in `…/kubelet.service.d/10-kubeadm.conf`. */
export function unitOfPath(file: string): { unit: string; dropIn: boolean } {
  const parts = file.split('/');
  const base = parts.at(-1) ?? file;
  const dir = parts.at(-2) ?? '';
  if (dir.endsWith('.d') && base.endsWith('.conf')) return { unit: dir.slice(0, -2), dropIn: true };
  return { unit: base, dropIn: false };
}

export function readSystemdUnit(file: string, text: string, lines: Locator, budget: Budget): SystemdUnit {
  const place: Place = (offset) => ({
    file,
    ...lines.locate(offset),
    pointer: '',
    document: 0,
    default: false,
  });
  const directives: UnitDirective[] = [];
  let section = '';
  for (const { line, offset } of logicalLines(text)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      section = header[1] ?? '';
      continue;
    }
    if (section !== 'Service') continue;
    const match = /^[ \t]*(ExecStart|Environment|EnvironmentFile)[ \t]*=[ \t]*/.exec(line);
    if (!match) continue;
    const key = match[1] as UnitDirective['key'];
    const valueOffset = offset + match[0].length;
    const value = text.slice(valueOffset, offset + line.length);
    const location = place(offset);
    if (key === 'ExecStart') {
      directives.push({ key, words: locatedWords(value, valueOffset, place, budget), location });
    } else if (key === 'EnvironmentFile') {
      const path = value.trim();
      directives.push({ key, path: path.replace(/^-/, ''), optional: path.startsWith('-'), location });
    } else {
      directives.push({ key, values: assignments(text, value, valueOffset, place, budget), location });
    }
  }
  const exec = directives.filter((d) => d.key === 'ExecStart').at(-1);
  const program = exec?.words[0]?.text.replace(/^[-@+!:]+/, '');
  return {
    file,
    ...unitOfPath(file),
    directives,
    component: program ? componentOfProgram(program) : undefined,
  };
}

/** `Environment="A=b c" D=e`: each assignment, its value at its offset (no expansion inside: systemd.exec(5)). */
function assignments(
  text: string,
  value: string,
  valueOffset: number,
  place: Place,
  budget: Budget,
): EnvironmentValue[] {
  return shellWordsWithin(budget, value, valueOffset).flatMap((word) => {
    const eq = word.text.indexOf('=');
    if (eq <= 0) return [];
    const quoted = /^["']/.test(text.slice(word.offset, word.offset + 1)) ? 1 : 0;
    const start = word.offset + quoted + eq + 1;
    const valueText = word.text.slice(eq + 1);
    return [
      {
        name: word.text.slice(0, eq),
        text: valueText,
        location: place(start),
        words: locatedWords(valueText, start, place, budget),
      },
    ];
  });
}

/** Lines with their backslash continuations kept in (splitShellWords reads them as whitespace). */
function logicalLines(text: string): Array<{ line: string; offset: number }> {
  const lines: Array<{ line: string; offset: number }> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    while (end < text.length && text[end - 1] === '\\') {
      const next = text.indexOf('\n', end + 1);
      end = next < 0 ? text.length : next;
    }
    lines.push({ line: text.slice(start, end), offset: start });
    start = end + 1;
  }
  return lines;
}
