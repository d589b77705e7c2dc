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
  const flush = () => {
    if (start >= 0) words.push({ text: current, offset: base + start });
    current = '';
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = null;
      else current += ch;
      continue;
    }
    if (ch === '\\') {
      const next = text[i + 1];
      i++;
      if (next === undefined || next === '\n') continue; // line continuation
      if (start < 0) start = i - 1;
      current += quote === '"' && !'"\\$`'.includes(next) ? `\\${next}` : next;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (start < 0) start = i;
      quote = ch;
      continue;
    }
    if (/\s/.test(ch)) {
      flush();
      continue;
    }
    if (start < 0) start = i;
    current += ch;
  }
  flush();
  return words;
}
