/** The few build settings of wrangler.toml the benchmark reproduces (a line-based read: they are flat). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function topLevel(repo: string): string {
  const text = readFileSync(join(repo, 'wrangler.toml'), 'utf8');
  return text.split(/^\[/m)[0] ?? '';
}

/** wrangler.toml's `keep_names` (wrangler's default: true). */
export function workerKeepNames(repo: string): boolean {
  return !/^keep_names\s*=\s*false/m.test(topLevel(repo));
}

/** wrangler.toml's `[alias]` table, with paths made absolute. */
export function workerAliases(repo: string): Record<string, string> {
  const text = readFileSync(join(repo, 'wrangler.toml'), 'utf8');
  const table = /^\[alias\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const aliases: Record<string, string> = {};
  for (const match of table.matchAll(/^"([^"]+)"\s*=\s*"([^"]+)"/gm)) {
    const [, name, path] = match;
    if (name && path) aliases[name] = path.startsWith('.') ? resolve(repo, path) : path;
  }
  return aliases;
}
