/**
 * Components run by systemd, as systemd starts them: a unit and its drop-ins merged (systemd.unit(5):
 * drop-ins in name order after the unit; an empty `ExecStart=` or `EnvironmentFile=` resets the list),
 * then the last `ExecStart=` expanded (systemd.service(5), COMMAND LINES): `$NAME` as a word of its own
 * becomes the value split at whitespace (quotes respected; `"$NAME"` too, since the unit parser unquotes
 * first: replace_env_argv in systemd src/basic/env-util.c), `${NAME}` becomes the value as one word,
 * `$$` is a dollar. Values come from `Environment=`, overridden by the `EnvironmentFile=`s in order.
 *
 * The result is the component's whole command line. A variable an EnvironmentFile that was not uploaded
 * may set is unknown: the command line says so (`hidden`), and what to upload.
 */
import type { IngestedFile } from '../ingest';
import type { Budget } from '../ingest/budget';
import { isKubeletFlagsVariable, type ArgWord, type CommandLine } from '../ingest/command-line';
import { componentOfProgram } from '../ingest/components';
import type { EnvironmentValue } from '../ingest/environment-file';
import type { SystemdUnit, UnitDirective } from '../ingest/systemd-unit';
import { nodeKeyOf } from './referenced-file';
import { groupBy } from './group-by';

export interface UnitCommandLines {
  commandLines: CommandLine[];
  /** Environment files a kubelet unit read: their variables count only through the unit. */
  readByKubeletUnits: Set<string>;
}

interface Source {
  /** The file the values were read from, or the EnvironmentFile= path when it was not uploaded. */
  file: string;
  values: Map<string, EnvironmentValue> | undefined;
}

/** The units' command lines; an ExecStart's variables are expanded within the request's `budget`. */
export function commandLinesFromUnits(files: readonly IngestedFile[], budget: Budget): UnitCommandLines {
  const result: UnitCommandLines = { commandLines: [], readByKubeletUnits: new Set() };
  const units = files.flatMap((file) => (file.unit ? [file.unit] : []));
  const groups = groupBy(units, (unit) => `${nodeKeyOf(unit.file)}\u0000${unit.unit}`);
  for (const group of groups.values()) {
    const command = expandUnit(group.sort(unitOrder), files, budget);
    if (!command) continue;
    result.commandLines.push(command);
    if (command.component === 'kubelet')
      for (const file of command.sources ?? []) result.readByKubeletUnits.add(file);
  }
  return result;
}

/** The unit first, then its drop-ins by file name (systemd.unit(5)); /etc overrides a same-named one elsewhere. */
function unitOrder(a: SystemdUnit, b: SystemdUnit): number {
  const base = (unit: SystemdUnit) => unit.file.split('/').pop() ?? '';
  const etc = (unit: SystemdUnit) => (unit.file.includes('/etc/systemd/') ? 1 : 0);
  return Number(a.dropIn) - Number(b.dropIn) || base(a).localeCompare(base(b)) || etc(a) - etc(b);
}

type Exec = Extract<UnitDirective, { key: 'ExecStart' }>;

function expandUnit(
  ordered: readonly SystemdUnit[],
  files: readonly IngestedFile[],
  budget: Budget,
): CommandLine | undefined {
  let exec: { unit: SystemdUnit; directive: Exec } | undefined;
  const environment = new Map<string, EnvironmentValue>();
  let envFiles: string[] = [];
  for (const unit of ordered) {
    for (const directive of unit.directives) {
      if (directive.key === 'ExecStart') exec = directive.words.length > 0 ? { unit, directive } : undefined;
      else if (directive.key === 'Environment')
        for (const value of directive.values) environment.set(value.name, value);
      else if (directive.path === '') envFiles = [];
      else envFiles.push(directive.path);
    }
  }
  const first = ordered[0];
  const last = ordered.at(-1);
  if (!first || !last) return undefined;
  const node = nodeKeyOf(first.file);
  // Settings from EnvironmentFile= override Environment=, later files earlier ones (systemd.exec(5)).
  const sources: Source[] = [
    { file: first.file, values: environment },
    ...envFiles.map((path) => {
      const found = findEnvironmentFile(path, node, files);
      return {
        file: found?.name ?? path,
        values: found?.environment ? new Map(found.environment.values.map((v) => [v.name, v])) : undefined,
      };
    }),
  ];
  const read = [
    ...ordered.map((unit) => unit.file),
    ...sources
      .slice(1)
      .filter((s) => s.values)
      .map((s) => s.file),
  ];
  const program = exec?.directive.words[0];
  const component = program ? componentOfProgram(program.text.replace(/^[-@+!:]+/, '')) : undefined;
  if (!exec || !program || !component) {
    // A drop-in that only sets variables (kubeadm's, without its unit): its kubelet variables add flags.
    const words = [...environment.values()]
      .filter((value) => isKubeletFlagsVariable(value.name, last.file) || value.name.startsWith('KUBELET_'))
      .flatMap((value) => value.words);
    if (exec || words.length === 0) return undefined;
    const where = words[0]?.location ?? first.directives[0]?.location;
    if (!where) return undefined;
    return {
      file: last.file,
      kind: 'SystemdUnit',
      component: 'kubelet',
      args: words,
      complete: false,
      insertAt: { ...where, default: true },
      line: where.line,
      sources: [...new Set(read)],
    };
  }
  const unknown = new Set<string>();
  const args: ArgWord[] = [];
  for (const word of exec.directive.words.slice(1)) {
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word.text)?.[1];
    if (whole) {
      const found = resolve(whole, sources);
      if (found === 'unknown') unknown.add(whole);
      else if (found) {
        // `$A $A $A …` repeats A's words: the line as expanded must fit the budget before it is made.
        budget.checkCommandLineRoom(args.length + found.words.length);
        for (const each of found.words) args.push(each);
      }
      continue;
    }
    const braced = [...word.text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
    const unresolved = braced.filter((name) => resolve(name, sources) === 'unknown');
    if (unresolved.length > 0) {
      unresolved.forEach((name) => unknown.add(name));
      continue;
    }
    const text = word.text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name?: string) => {
      if (!name) return '$';
      const found = resolve(name, sources);
      return found === 'unknown' ? '' : (found?.text ?? '');
    });
    args.push({ text, location: word.location });
  }
  const missing = sources.filter((s) => !s.values).map((s) => s.file);
  const hidden =
    unknown.size > 0
      ? `${listed([...unknown].map((name) => `$${name}`))} may be set in ${missing.join(', ')}, which ${missing.length === 1 ? 'was' : 'were'} not uploaded: upload ${missing.length === 1 ? 'it' : 'them'} with the unit (an EnvironmentFile=- that does not exist on the node reads as empty: then upload an empty file of that name)`
      : undefined;
  return {
    file: exec.unit.file,
    kind: 'SystemdUnit',
    component,
    args,
    complete: true,
    insertAt: { ...program.location, default: true },
    line: exec.directive.location.line,
    ...(hidden ? { hidden } : {}),
    sources: [...new Set(read)],
  };
}

/** A variable's value: the last source that sets it wins; a file not uploaded after it makes it unknown. */
function resolve(name: string, sources: readonly Source[]): EnvironmentValue | 'unknown' | undefined {
  for (let i = sources.length - 1; i >= 0; i--) {
    const values = sources[i]?.values;
    if (!values) return 'unknown';
    const value = values.get(name);
    if (value) return value;
  }
  return undefined;
}

/** The uploaded environment file at `path` on the same node: the path itself, or a bare upload of its name. */
function findEnvironmentFile(
  path: string,
  node: string,
  files: readonly IngestedFile[],
): IngestedFile | undefined {
  const wanted = path.replace(/^\/+/, '');
  const candidates = files.filter((file) => file.environment && nodeKeyOf(file.name) === node);
  return (
    candidates.find((file) => file.name.replace(/^\/+/, '').endsWith(wanted)) ??
    candidates.find((file) => !file.name.includes('/') && file.name === wanted.split('/').pop())
  );
}

/** `$A, $B, $C and 4 more`: a list that stays readable in a message. */
function listed(names: readonly string[]): string {
  return names.length > 4 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}
