/**
 * The floors of src/, bottom to top (docs/architecture.md draws them). A file imports only from its own
 * floor or the floors below; the top floor (the Worker's HTTP side and the CLI) reaches the core only
 * through lint.ts, the report formats and the shared bottom floor, never into ingest, model, engine or
 * rules. This test reads every import in src/ and fails on one that runs up a floor.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;

/** Each floor: the folders (or top-level files) of src/ on it. */
const FLOORS: ReadonlyArray<readonly string[]> = [
  ['catalogue', 'schemas', 'security', 'vendor'],
  ['ingest'],
  ['model'],
  ['engine'],
  ['rules'],
  ['report'],
  ['lint'],
  ['http', 'routes', 'ui', 'cli', 'app', 'index'],
];
const TOP = FLOORS.length - 1;
/** What the top floor may import from below it: the shared floor, the report formats, lint.ts. */
const TOP_MAY_USE = ['catalogue', 'schemas', 'security', 'report/formats', 'lint'];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
const files = walk(src).filter((file) => /\.tsx?$/.test(file));

/** The floor of a path relative to src/ (`model/kubelet.ts` → 2), with or without its extension. */
function floorOf(path: string): number {
  const head = (path.split('/')[0] ?? '').replace(/\.tsx?$/, '');
  const floor = FLOORS.findIndex((names) => names.includes(head));
  if (floor < 0) throw new Error(`src/${path} is on no floor: add its folder to FLOORS`);
  return floor;
}

interface Import {
  from: string;
  to: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => ({
    from: relative(src, file),
    to: relative(src, resolve(dirname(file), match[1] ?? '')),
  }));
}

const imports = files.flatMap(importsOf);

describe('floors', () => {
  it('every file of src/ is on a floor', () => {
    for (const file of files) expect(() => floorOf(relative(src, file))).not.toThrow();
  });

  it('reads the imports (a guard against a test that finds none)', () => {
    expect(imports.length).toBeGreaterThan(300);
  });

  it('no import runs up a floor', () => {
    const upward = imports.filter(({ from, to }) => floorOf(to) > floorOf(from));
    expect(upward.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });

  it('the top floor reaches the core only through lint.ts, the formats and the shared floor', () => {
    const into = imports.filter(
      ({ from, to }) =>
        floorOf(from) === TOP &&
        floorOf(to) < TOP &&
        !TOP_MAY_USE.some((allowed) => to === allowed || to.startsWith(`${allowed}/`)),
    );
    expect(into.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });
});
