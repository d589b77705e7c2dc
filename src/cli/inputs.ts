/**
 * From the command line's paths to uploads: each file named by its path on the node (under --root) or as
 * given, directories walked for the files configuration files are named like, `-` read from standard
 * input. The API's body limit applies to the bytes of all files together and is checked before a file
 * is read, as the Worker checks Content-Length before it reads a body.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { LIMITS } from '../catalogue/limits';
import type { Upload } from '../lint';
import { hasConfigurationName } from './configuration-names';
import { RefusedRun } from './exit-status';
import { describeFileError } from './file-errors';
import { walk } from './walk';

export interface InputOptions {
  root: string | undefined;
  stdinFilename: string;
  /** Standard input, up to `maxBytes` (more is an error). */
  readStdin: (maxBytes: number) => Promise<Uint8Array>;
}

export interface Inputs {
  uploads: Upload[];
  /** Files and directories passed over, and why: printed on standard error. */
  notes: string[];
}

type Source = { stdin: true; name: string } | { stdin: false; name: string; path: string; size: number };

export async function readInputs(paths: readonly string[], options: InputOptions): Promise<Inputs> {
  const root = options.root === undefined ? undefined : checkRoot(options.root);
  const given = paths.length > 0 ? paths : options.root !== undefined ? [options.root] : [];
  if (given.length === 0) {
    throw new RefusedRun(
      'no PATH given: name the files or directories to lint, or - for standard input (see --help)',
    );
  }
  const notes: string[] = [];
  // By name: a file reached twice (named, and inside a directory also named) is linted once.
  const sources = new Map<string, Source>();
  for (const path of given) {
    if (path === '-') {
      if (sources.has(options.stdinFilename))
        throw new RefusedRun(`- is given twice, or ${options.stdinFilename} is also a file`);
      sources.set(options.stdinFilename, { stdin: true, name: options.stdinFilename });
      continue;
    }
    const stats = statOf(path);
    if (stats.isDirectory()) {
      const walked = walk(path);
      for (const skipped of walked.passedOver) notes.push(`skipped ${skipped.path}: ${skipped.why}`);
      for (const file of walked.files) {
        const name = nameOf(file, root);
        if (!hasConfigurationName(name)) {
          notes.push(
            `skipped ${file}: not named like a configuration file (name it on the command line to lint it)`,
          );
        } else if (!sources.has(name)) {
          sources.set(name, { stdin: false, name, path: file, size: statOf(file).size });
        }
      }
    } else {
      const name = nameOf(path, root);
      if (!sources.has(name)) sources.set(name, { stdin: false, name, path, size: stats.size });
    }
  }
  return { uploads: await readSources([...sources.values()], options), notes };
}

async function readSources(sources: readonly Source[], options: InputOptions): Promise<Upload[]> {
  // Sizes first, so that a tree over the limit is refused before a byte of it is read.
  const declared = sources.reduce((total, source) => total + (source.stdin ? 0 : source.size), 0);
  if (declared > LIMITS.maxBodyBytes) throw tooLarge();
  let budget = LIMITS.maxBodyBytes;
  const uploads: Upload[] = [];
  for (const source of sources) {
    const content = source.stdin ? await options.readStdin(budget) : readFile(source.path);
    budget -= content.byteLength;
    if (budget < 0) throw tooLarge(); // a file that grew since it was measured
    uploads.push({ name: source.name, content });
  }
  return uploads;
}

/** The name lint() sees: the path on the node under --root (`/etc/...`), else the path as given. */
function nameOf(path: string, root: string | undefined): string {
  if (root === undefined) return normalize(path).split(sep).join('/');
  const under = relative(root, resolve(path));
  if (under === '..' || under.startsWith(`..${sep}`) || isAbsolute(under))
    throw new RefusedRun(`${path} is not under --root ${root}`);
  return `/${under.split(sep).join('/')}`;
}

function checkRoot(root: string): string {
  if (!statOf(root).isDirectory()) throw new RefusedRun(`--root ${root} is not a directory`);
  return resolve(root);
}

/** A path that cannot be read ends the run, naming it: linting without it could pass wrongly. */
function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new RefusedRun(`${path}: ${describeFileError(error)}`);
  }
}

function readFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new RefusedRun(`${path}: ${describeFileError(error)}`);
  }
}

export function tooLarge(): RefusedRun {
  return new RefusedRun(
    `the files are larger than ${LIMITS.maxBodyBytes} bytes in all (limit maxBodyBytes): lint fewer files per run`,
  );
}
