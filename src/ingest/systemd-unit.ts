/**
 * A systemd unit or drop-in that starts a component (kubeadm's
 * /etc/systemd/system/kubelet.service.d/10-kubeadm.conf): the `ExecStart=` line with its `$VARIABLES`
 * expanded from the unit's own `Environment=` lines. Variables from `EnvironmentFile=` live in other
 * files (kubeadm-flags.env, /etc/default/kubelet), which are read on their own, so a unit only adds
 * flags: it is never the whole command line.
 */
import { commandLine, type CommandLine } from './command-line';
import { componentOfProgram, type Component } from './components';
import type { Locator } from './positions';
import { splitShellWords, type Word } from './shell-words';

export const SYSTEMD_SECTION = /^\[(Unit|Service|Install)\]\s*$/m;

export function readSystemdUnit(file: string, text: string, lines: Locator): CommandLine | undefined {
  const environment = new Map<string, Word[]>();
  let exec: Word[] = [];
  let execOffset = 0;
  for (const match of text.matchAll(/^[ \t]*(Environment|ExecStart)[ \t]*=(.*)$/gm)) {
    const [, key, rest = ''] = match;
    const restOffset = match.index + match[0].indexOf('=') + 1;
    const words = splitShellWords(rest, restOffset);
    if (key === 'ExecStart') {
      exec = words; // an empty ExecStart= resets the list, the last one wins
      execOffset = match.index;
      continue;
    }
    for (const word of words) {
      const eq = word.text.indexOf('=');
      if (eq <= 0) continue;
      const quoted = /^["']/.test(text.slice(word.offset, word.offset + 1)) ? 1 : 0;
      environment.set(
        word.text.slice(0, eq),
        splitShellWords(word.text.slice(eq + 1), word.offset + quoted + eq + 1),
      );
    }
  }
  const program = exec[0] ? componentOfProgram(exec[0].text.replace(/^[-@+!:]+/, '')) : undefined;
  const component: Component | undefined =
    program ?? ([...environment.keys()].some((name) => name.startsWith('KUBELET_')) ? 'kubelet' : undefined);
  if (!component) return undefined;
  const expand = (word: Word): Word[] => {
    const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word.text)?.[1];
    return variable ? (environment.get(variable) ?? []) : [word];
  };
  // Without ExecStart (a drop-in that only sets variables) every KUBELET_* variable is a flag source.
  const words =
    exec.length > 1
      ? exec.slice(1).flatMap(expand)
      : [...environment.entries()]
          .filter(([name]) => name.startsWith('KUBELET_'))
          .flatMap(([, value]) => value);
  return commandLine(file, lines, {
    kind: 'SystemdUnit',
    component,
    words,
    complete: false,
    insertOffset: exec[0]?.offset ?? 0,
    lineOffset: exec.length > 0 ? execOffset : 0,
  });
}
