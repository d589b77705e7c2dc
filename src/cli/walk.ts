/**
 * Lists the files of a directory tree in a stable order (names sorted by code unit, so every machine
 * reads them alike). `.git` is never entered. A link to a file is followed; a link to a directory is not
 * (a loop would never end), and is noted.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeFileError } from './file-errors';

export interface Walked {
  files: string[];
  /** What was passed over and why, for the notes on standard error. */
  passedOver: Array<{ path: string; why: string }>;
}

export function walk(directory: string, into: Walked = { files: [], passedOver: [] }): Walked {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    into.passedOver.push({ path: directory, why: describeFileError(error) });
    return into;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') walk(path, into);
    } else if (entry.isFile()) {
      into.files.push(path);
    } else if (entry.isSymbolicLink()) {
      followLink(path, into);
    }
  }
  return into;
}

function followLink(path: string, into: Walked): void {
  try {
    if (statSync(path).isFile()) into.files.push(path);
    else into.passedOver.push({ path, why: 'a link to a directory (name its target to lint it)' });
  } catch (error) {
    into.passedOver.push({ path, why: describeFileError(error) });
  }
}
