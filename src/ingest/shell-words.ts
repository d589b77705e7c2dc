/**
 * Splits a command line into words the way a POSIX shell would for the simple cases configs use:
 * whitespace, single and double quotes, backslash escapes and line continuations. Each word keeps the
 * offset where it starts, so a flag can be reported at its line and column.
 */
import type { Budget } from './budget';

export interface Word {
  text: string;
  offset: number;
}

/**
 * The words of `text`, its offsets counted from `base`. Past `room` words it stops, one word over: a caller
 * with a budget learns the line does not fit without every word of a 5 MiB line being made first.
 */
export function splitShellWords(text: string, base = 0, room = Infinity): Word[] {
  const words: Word[] = [];
  let current = '';
  let start = -1;
  let quote: '"' | "'" | null = null;
  // Characters taken as they are are copied in runs, not one by one: a long word must cost its length,
  // not a string per character.
  let run = -1;
  const take = (i: number) => {
    if (run < 0) run = i;
  };
  const cut = (i: number) => {
    if (run >= 0) current += text.slice(run, i);
    run = -1;
  };
  const flush = (i: number) => {
    cut(i);
    if (start >= 0) words.push({ text: current, offset: base + start });
    current = '';
    start = -1;
  };
  for (let i = 0; i < text.length && words.length <= room; i++) {
    const ch = text.charAt(i);
    if (quote === "'") {
      if (ch === "'") {
        cut(i);
        quote = null;
      } else take(i);
      continue;
    }
    if (ch === '\\') {
      cut(i);
      const next = text[i + 1];
      i++;
      if (next === undefined || next === '\n') continue; // line continuation
      if (start < 0) start = i - 1;
      current += quote === '"' && !'"\\$`'.includes(next) ? `\\${next}` : next;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') {
        cut(i);
        quote = null;
      } else take(i);
      continue;
    }
    if (ch === '"' || ch === "'") {
      cut(i);
      if (start < 0) start = i;
      quote = ch;
      continue;
    }
    if (/\s/.test(ch)) {
      flush(i);
      continue;
    }
    if (start < 0) start = i;
    take(i);
  }
  if (words.length <= room) flush(text.length);
  return words;
}

/** The words of `text`, within the room the request's `budget` has left for command-line words. */
export function shellWordsWithin(budget: Budget, text: string, base = 0): Word[] {
  const words = splitShellWords(text, base, budget.commandLineRoom());
  budget.checkCommandLineRoom(words.length);
  return words;
}
