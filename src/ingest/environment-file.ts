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
import type { Budget } from './budget';
import type { ArgWord } from './command-line';
import { shellWordsWithin } from './shell-words';

export interface EnvironmentValue {
  name: string;
  /** The value as systemd hands it to the process. */
  text: string;
  /** Where the value starts (inside its quotes). */
  location: Location;
  /** The value split into words as `$NAME` splits it, each where it is written. */
  words: ArgWord[];
}

/** Turns an offset of the file into a location. */
export type Place = (offset: number) => Location;

/** Words of a value, each located where it is written, charged to the request's `budget`. */
export function locatedWords(text: string, offset: number, place: Place, budget: Budget): ArgWord[] {
  const words = shellWordsWithin(budget, text, offset);
  const located = words.map((word) => ({ text: word.text, location: place(word.offset) }));
  budget.spendCommandLine(located);
  return located;
}

export interface EnvironmentFile {
  /** In file order; a later assignment of the same name wins. */
  values: EnvironmentValue[];
  /** Lines that are neither comments nor `NAME=`: systemd ignores them; a file with any is not an env file. */
  otherLines: number;
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/;

/** Every assignment of the file, read as systemd reads it, its words charged to the request's `budget`. */
export function readEnvironmentFile(text: string, place: Place, budget: Budget): EnvironmentFile {
  const values: EnvironmentValue[] = [];
  const otherLines = scanAssignments(text, (name, value) =>
    values.push({
      name,
      text: value.text,
      location: place(value.start),
      words: locatedWords(value.text, value.start, place, budget),
    }),
  );
  return { values, otherLines };
}

/** True when the text is comments and assignments only (an environment file), read without its words. */
export function isEnvironmentText(text: string): boolean {
  return scanAssignments(text, () => undefined) === 0;
}

/**
 * Hands each assignment of the text to `found`, in file order; answers how many lines are neither
 * comments nor assignments.
 */
function scanAssignments(
  text: string,
  found: (name: string, value: { text: string; start: number }) => void,
): number {
  let otherLines = 0;
  let offset = 0;
  while (offset < text.length) {
    const end = lineEnd(text, offset);
    const line = text.slice(offset, end);
    const trimmed = line.trim();
    const match = ASSIGNMENT.exec(line);
    if (match) {
      const value = readValue(text, offset + match[0].length);
      found(match[1] ?? '', value);
      offset = value.next;
      continue;
    }
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith(';')) otherLines++;
    offset = end + 1;
  }
  return otherLines;
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
  // Characters taken as they are are copied in runs, not one by one: a long value must cost its length,
  // not a string per character.
  let run = -1;
  const cut = (at: number) => {
    if (run >= 0) value += text.slice(run, at);
    run = -1;
  };
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
        cut(i);
        i++;
        if (text[i] !== '\n') value += text.charAt(i);
        trailing = -1;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        if (trailing < 0) trailing = value.length + (run < 0 ? 0 : i - run);
      } else trailing = -1;
      if (run < 0) run = i;
      continue;
    }
    if (ch === state) {
      cut(i);
      state = 'pre';
      continue;
    }
    if (state === '"' && ch === '\\' && i + 1 < text.length) {
      cut(i);
      const next = text.charAt(++i);
      if ('"\\`$'.includes(next)) value += next;
      else if (next !== '\n') value += `\\${next}`;
      continue;
    }
    if (run < 0) run = i;
  }
  cut(i);
  if (state === 'plain' && trailing >= 0) value = value.slice(0, trailing);
  return { text: value, start: start < 0 ? from : start, next: i + 1 };
}
