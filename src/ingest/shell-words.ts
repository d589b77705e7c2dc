/**
 * Splits a command line into words the way a POSIX shell would for the simple cases configs use:
 * whitespace, single and double quotes, backslash escapes and line continuations. Each word keeps the
 * offset where it starts, so a flag can be reported at its line and column.
 */
export interface Word {
  text: string;
  offset: number;
}

export function splitShellWords(text: string, base = 0): Word[] {
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
  for (let i = 0; i < text.length; i++) {
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
  flush(text.length);
  return words;
}
