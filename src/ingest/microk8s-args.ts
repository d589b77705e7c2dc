/**
 * MicroK8s' args files, `/var/snap/microk8s/<revision or current>/args/<component>`: each is the whole
 * command line of one component of kubelite, the single process that runs them all.
 *
 * The component files are read by kubelite itself (canonical/microk8s
 * build-scripts/components/kubernetes/patches/…/0000-Kubelite-integration.patch, ReadArgsFromFile):
 * every line is trimmed; empty lines and lines starting with `#` are skipped (a `#` later in a line is
 * an ordinary word); every `"` and `'` is deleted; the line is split at single spaces; `$VAR` and
 * `${VAR}` are expanded (os.ExpandEnv, unset variables become empty).
 *
 * `args/kubelite` itself is read by bash (microk8s-resources/wrappers/run-kubelite-with-args:
 * `declare -a args="($(cat $SNAP_DATA/args/$app))"`): shell words, quotes, comments and variables. It
 * names the other files (`--apiserver-args-file=…`) and whether this node runs the control plane
 * (`--start-control-plane`).
 */
import type { Location } from '../schemas/common';
import type { Budget } from './budget';
import { commandLine, type CommandLine } from './command-line';
import type { Component } from './components';
import { textLocation, type Locator } from './positions';
import { shellWordsWithin, type Word } from './shell-words';

const ARGS_FILE = /(?:^|\/)var\/snap\/microk8s\/([^/]+)\/args\/([^/]+)$/;

const COMPONENT_FILES: Record<string, Component> = {
  'kube-apiserver': 'kube-apiserver',
  kubelet: 'kubelet',
  'kube-controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler',
  'kube-proxy': 'kube-proxy',
};

/** The kubelite flags that name each component's args file (the patch's NewOptions). */
const KUBELITE_FLAGS: Record<string, Component> = {
  'apiserver-args-file': 'kube-apiserver',
  'kubelet-args-file': 'kubelet',
  'controller-manager-args-file': 'kube-controller-manager',
  'scheduler-args-file': 'kube-scheduler',
  'proxy-args-file': 'kube-proxy',
};

/** The spellings of false Go's strconv.ParseBool accepts (pflag booleans). */
const GO_FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** What `args/kubelite` says: which file holds each component's arguments, and whether the control plane runs. */
export interface Kubelite {
  file: string;
  argsFiles: Array<{ component: Component; path: string; location: Location }>;
  startControlPlane: { value: boolean; location: Location } | undefined;
}

export type MicroK8sArgs =
  | { kind: 'component'; commandLine: CommandLine }
  | { kind: 'kubelite'; kubelite: Kubelite }
  | { kind: 'other'; name: string };

export function isMicroK8sArgsFile(file: string): boolean {
  return ARGS_FILE.test(file);
}

/** The snap's variables as the kubelite process sees them (snapcraft.io/docs/environment-variables). */
function snapEnvironment(revision: string): Record<string, string> {
  return {
    SNAP: `/snap/microk8s/${revision}`,
    SNAP_DATA: `/var/snap/microk8s/${revision}`,
    SNAP_COMMON: '/var/snap/microk8s/common',
    SNAP_NAME: 'microk8s',
  };
}

export function readMicroK8sArgs(
  file: string,
  text: string,
  lines: Locator,
  budget: Budget,
): MicroK8sArgs | undefined {
  const match = ARGS_FILE.exec(file);
  if (!match) return undefined;
  const [, revision = 'current', name = ''] = match;
  const env = snapEnvironment(revision);
  if (name === 'kubelite')
    return { kind: 'kubelite', kubelite: readKubelite(file, text, lines, env, budget) };
  const component = COMPONENT_FILES[name];
  if (!component) return { kind: 'other', name };
  return {
    kind: 'component',
    commandLine: {
      ...commandLine(
        file,
        lines,
        {
          kind: 'ArgsFile',
          component,
          words: goArgsWords(text, env, budget.commandLineRoom()),
          complete: true,
          insertOffset: 0,
          lineOffset: 0,
        },
        budget,
      ),
      layout: 'microk8s',
    },
  };
}

/**
 * ReadArgsFromFile: whole-line comments only, quotes deleted, single-space splitting, os.ExpandEnv. Stops
 * one word past `room` (what the request's budget has left), which commandLine() then refuses.
 */
function goArgsWords(text: string, env: Record<string, string>, room: number): Word[] {
  const words: Word[] = [];
  let lineStart = 0;
  for (const raw of text.split('\n')) {
    if (words.length > room) break;
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) {
      let part = '';
      let partStart = lineStart + lead;
      for (let i = 0; i <= line.length; i++) {
        const ch = line[i];
        if (ch === undefined || ch === ' ') {
          words.push({ text: expand(part, env), offset: partStart });
          part = '';
          partStart = lineStart + lead + i + 1;
          continue;
        }
        if (ch !== '"' && ch !== "'") part += ch;
      }
    }
    lineStart += raw.length + 1;
  }
  return words;
}

/** Go's os.ExpandEnv: `${NAME}` and `$NAME`; unknown names become empty. */
function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$(?:\{([^}]*)\}|([A-Za-z0-9_]+))/g, (_m, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? '';
    return Object.hasOwn(env, name) ? (env[name] ?? '') : '';
  });
}

function readKubelite(
  file: string,
  text: string,
  lines: Locator,
  env: Record<string, string>,
  budget: Budget,
): Kubelite {
  const at = textLocation(file, lines);
  const kubelite: Kubelite = { file, argsFiles: [], startControlPlane: undefined };
  // bash: a word starting with `#` starts a comment to the end of its line.
  const uncommented = text.replace(
    /(^|[ \t])#[^\n]*/g,
    (m, lead: string) => lead + ' '.repeat(m.length - lead.length),
  );
  for (const word of shellWordsWithin(budget, uncommented)) {
    const flag = /^--([\w-]+)=(.*)$/.exec(expand(word.text, env));
    if (!flag) continue;
    const [, name = '', value = ''] = flag;
    const component = KUBELITE_FLAGS[name];
    if (component) kubelite.argsFiles.push({ component, path: value, location: at(word.offset) });
    if (name === 'start-control-plane')
      kubelite.startControlPlane = { value: !GO_FALSE.has(value), location: at(word.offset) };
  }
  return kubelite;
}
