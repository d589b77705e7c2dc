/**
 * Control-plane programs (kube-apiserver, kube-controller-manager, kube-scheduler, konnectivity server
 * and agent) and their flags, whether they came as a static pod / workload manifest or a command line.
 */
import type { Classified } from '../ingest/classify';
import type { ArgWord, CommandLine } from '../ingest/command-line';
import { componentOfProgram, versionOfImage, type Component } from '../ingest/components';
import { shellWordsWithin } from '../ingest/shell-words';
import type { SourceDocument } from '../ingest/source-document';
import type { Budget } from '../ingest/budget';
import { isPlainObject } from '../ingest/yaml';
import type { Location } from '../schemas/common';
import type { DistributionTunnel } from './distribution';
import { FlagSet, parseFlags } from './flags';
import { nodeKeyOf } from './referenced-file';

export interface ControlPlaneComponent {
  component: Component;
  file: string;
  /** The manifest, when the component came as one. */
  doc?: SourceDocument;
  /** Pointer to the component's container in `doc`. */
  container?: string;
  flags: FlagSet;
  image?: string;
  /** Kubernetes minor version shown by the image tag. */
  imageVersion?: string;
  /** Where the version was read, when not from `image` (kubeadm's kubernetesVersion). */
  versionSource?: string;
  /** Set when the upload shows only some of the component's flags (k3s/RKE2 `*-arg`): why absent ones are unknown. */
  partial?: string;
  /**
   * Set when flags may hide in a file that was not uploaded (a systemd EnvironmentFile): an absent flag
   * is unknown, and a path that rests on one is not assessed. Says what to upload.
   */
  hidden?: string;
  /** The k3s/RKE2 tunnels from the API server to the nodes (`egress-selector-mode`). */
  tunnel?: DistributionTunnel;
  nodeKey: string;
  /** "kube-apiserver (/etc/kubernetes/manifests/kube-apiserver.yaml)" */
  name: string;
}

const SHELLS = /(^|\/)(sh|bash|ash|dash)$/;

/** A workload container's program words (after the program name), and where a new flag would go. */
export interface ContainerWords {
  doc: SourceDocument;
  containerPointer: string;
  words: ArgWord[];
  insertAt: Location;
  image: string | undefined;
}

export function containerWords(item: Classified, budget: Budget): ContainerWords | undefined {
  if (
    item.type !== 'workload' ||
    !item.component ||
    item.podSpec === undefined ||
    item.container === undefined
  ) {
    return undefined;
  }
  const doc = item.doc;
  const containerPointer = `${item.podSpec}/containers/${item.container}`;
  const container = doc.get(containerPointer);
  if (!isPlainObject(container)) return undefined;
  const listWords = (key: 'command' | 'args') => {
    const list = container[key];
    if (!Array.isArray(list)) return [];
    // Before a place is made for each word (most of what a word costs); the program's word is not charged.
    budget.checkCommandLineRoom(key === 'command' ? list.length - 1 : list.length);
    const locations = doc.atItems(`${containerPointer}/${key}`, list.length);
    const words: ArgWord[] = [];
    for (let i = 0; i < list.length; i++) {
      const value: unknown = list[i];
      const location = locations[i];
      if (location && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
        words.push({ text: String(value), location });
    }
    return words;
  };
  let command = listWords('command');
  const args = listWords('args');
  // `command: [sh, -c, "kube-apiserver --flag ..."]`: read the script's words. (Spread into arrays,
  // never into a call's arguments: a command line may have hundreds of thousands of words.)
  const script = command[2];
  if (script && SHELLS.test(command[0]?.text ?? '') && command[1]?.text === '-c') {
    const scriptWords = shellWordsWithin(budget, script.text).map((word) => ({
      text: word.text,
      location: script.location,
    }));
    command = [...scriptWords, ...command.slice(3)];
  }
  // The program is the first word of `command`; with no command, `args[0]` may name it (the image's
  // entrypoint runs it) or already be a flag.
  const wrapped = goRunner(command, args);
  let words: ArgWord[];
  if (wrapped) words = wrapped;
  else if (command.length > 0) words = [...command.slice(1), ...args];
  else if (args[0] && !args[0].text.startsWith('-') && componentOfProgram(args[0].text))
    words = args.slice(1);
  else words = args;
  const listKey =
    wrapped || (Array.isArray(container.args) && !Array.isArray(container.command)) ? 'args' : 'command';
  const insertAt = doc.at(`${containerPointer}/${listKey}`, true);
  const image = typeof container.image === 'string' ? container.image : undefined;
  return { doc, containerPointer, words, insertAt, image };
}

export function componentFromWorkload(item: Classified, budget: Budget): ControlPlaneComponent | undefined {
  const found = item.component ? containerWords(item, budget) : undefined;
  if (!found || !item.component) return undefined;
  const { doc, containerPointer, words, insertAt, image } = found;
  const component: ControlPlaneComponent = {
    component: item.component,
    file: doc.file,
    doc,
    container: containerPointer,
    flags: parseFlags(words, insertAt, budget),
    nodeKey: nodeKeyOf(doc.file),
    name: `${item.component} (${doc.file})`,
  };
  // Assigned, not spread from `{}` or `{ image }`: one object per control-plane container.
  const imageVersion = image ? versionOfImage(image) : undefined;
  if (image) component.image = image;
  if (imageVersion) component.imageVersion = imageVersion;
  return component;
}

/**
 * kops runs control-plane components under go-runner (`command: [/go-runner]`, `args: [--log-file=…,
 * --also-stdout, /usr/local/bin/kube-apiserver, --flag…]`: kops nodeup/pkg/model/kube_apiserver.go):
 * go-runner's own flags come before the program it starts; the component's flags are the words after it.
 */
function goRunner(command: readonly ArgWord[], args: readonly ArgWord[]): ArgWord[] | undefined {
  const all = [...command, ...args];
  if ((all[0]?.text.split('/').pop() ?? '') !== 'go-runner') return undefined;
  const program = all.findIndex(
    (word, i) => i > 0 && !word.text.startsWith('-') && componentOfProgram(word.text),
  );
  return program > 0 ? all.slice(program + 1) : undefined;
}

export function componentFromCommandLine(command: CommandLine, budget: Budget): ControlPlaneComponent {
  return {
    component: command.component,
    file: command.file,
    flags: parseFlags(command.args, command.insertAt, budget),
    nodeKey: nodeKeyOf(command.file),
    name: `${command.component} (${command.file}:${command.line})`,
    ...(command.hidden ? { hidden: command.hidden } : {}),
  };
}

/**
 * A Pod (or other workload) whose container runs the kubelet, as the whole command line it is: the
 * kubelet is modelled from it like from a /proc command line (its --config, its flags).
 */
export function kubeletCommandFromWorkload(item: Classified, budget: Budget): CommandLine | undefined {
  if (item.component !== 'kubelet') return undefined;
  const found = containerWords(item, budget);
  if (!found) return undefined;
  return {
    file: found.doc.file,
    kind: 'CommandLine',
    component: 'kubelet',
    args: found.words,
    complete: true,
    insertAt: found.insertAt,
    line: found.doc.at(found.containerPointer).line,
  };
}
