/**
 * An environment file as systemd reads one for `EnvironmentFile=` (systemd.exec(5)): `VAR=value` lines,
 * empty lines and lines starting with `#` or `;` ignored, a trailing backslash continuing the line, a
 * value in `'…'` taken verbatim, one in `"…"` with shell double-quote escapes, an unquoted one with
 * backslash escapes and its leading and trailing whitespace dropped. `export VAR=…` is accepted too: the
 * files distributions ship under /etc/default and /etc/sysconfig are also sourced by shell scripts.
 *
 * Each variable keeps the words its value splits into (a `$VAR` in `ExecStart=` is split at whitespace,
 * quotes respected: systemd.service(5), COMMAND LINES), with their offsets in the file.
 */
import type { Location } from '../schemas/common';
import type { ArgWord } from './command-line';
import { splitShellWords } from './shell-words';

export interface EnvironmentValue {
  name: string;
  /** The value as systemd hands it to the process. */
  text: string;
  /** Where the value starts (inside its quotes). */
  location: Location;
  /** The value split into words as `$NAME` splits it, each where it is written. */
  words: ArgWord[];
}

/** Turns an offset of the file into a location; without one (a quick check) every place is line 1. */
export type Place = (offset: number) => Location;

const NOWHERE: Place = () => ({ file: '', line: 1, column: 1, pointer: '', document: 0, default: false });

/** Words of a value, each located where it is written. */
export function locatedWords(text: string, offset: number, place: Place): ArgWord[] {
  return splitShellWords(text, offset).map((word) => ({ text: word.text, location: place(word.offset) }));
}

export interface EnvironmentFile {
  /** In file order; a later assignment of the same name wins. */
  values: EnvironmentValue[];
  /** Lines that are neither comments nor `NAME=`: systemd ignores them; a file with any is not an env file. */
  otherLines: number;
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/;

/** Every assignment of the file, read as systemd reads it. */
export function readEnvironmentFile(text: string, place: Place = NOWHERE): EnvironmentFile {
  const values: EnvironmentValue[] = [];
  let otherLines = 0;
  let offset = 0;
  while (offset < text.length) {
    const end = lineEnd(text, offset);
    const line = text.slice(offset, end);
    const trimmed = line.trim();
    const match = ASSIGNMENT.exec(line);
    if (match) {
      const value = readValue(text, offset + match[0].length);
      values.push({
        name: match[1] ?? '',
        text: value.text,
        location: place(value.start),
        words: locatedWords(value.text, value.start, place),
      });
      offset = value.next;
      continue;
    }
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith(';')) otherLines++;
    offset = end + 1;
  }
  return { values, otherLines };
}

/**
 * True when the text is nothing but comments and `NAME=value` lines. A file of comments only is one too:
 * it is how to upload an `EnvironmentFile=-` that does not exist on the node (systemd reads it as empty).
 */
export function isEnvironmentFile(file: EnvironmentFile): boolean {
  return file.otherLines === 0;
}

/** The last assignment of each name. */
export function environmentMap(file: EnvironmentFile): Map<string, EnvironmentValue> {
  return new Map(file.values.map((value) => [value.name, value]));
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/**
 * One value from `from` (just after `=`), with systemd's states (src/basic/env-file.c): before the
 * value, a quote opens a quoted part and whitespace is skipped; after a closing quote the same holds
 * again, so parts concatenate; in an unquoted value quotes are ordinary characters, a backslash escapes
 * the next one (a newline then continues the value) and trailing whitespace is dropped.
 */
function readValue(text: string, from: number): { text: string; start: number; next: number } {
  let value = '';
  let start = -1;
  let i = from;
  let trailing = -1; // where trailing whitespace of an unquoted part begins in `value`
  let state: 'pre' | 'plain' | "'" | '"' = 'pre';
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (state === 'pre' || state === 'plain') {
      if (ch === '\n') break;
      if (state === 'pre' && (ch === "'" || ch === '"')) {
        state = ch;
        if (start < 0) start = i + 1;
        continue;
      }
      if (state === 'pre' && (ch === ' ' || ch === '\t')) continue;
      if (start < 0) start = i;
      state = 'plain';
      if (ch === '\\' && i + 1 < text.length) {
        i++;
        if (text[i] !== '\n') value += text.charAt(i);
        trailing = -1;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        if (trailing < 0) trailing = value.length;
      } else trailing = -1;
      value += ch;
      continue;
    }
    if (ch === state) {
      state = 'pre';
      continue;
    }
    if (state === '"' && ch === '\\' && i + 1 < text.length) {
      const next = text.charAt(++i);
      if ('"\\`$'.includes(next)) value += next;
      else if (next !== '\n') value += `\\${next}`;
      continue;
    }
    value += ch;
  }
  if (state === 'plain' && trailing >= 0) value = value.slice(0, trailing);
  return { text: value, start: start < 0 ? from : start, next: i + 1 };
}
