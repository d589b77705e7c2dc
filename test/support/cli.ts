/**
 * The CLI as a process, for test/node: the bundle `npm run build:cli` makes, built into a fresh
 * temporary directory (no node_modules in it or above it, as on a machine with only Node) and run with
 * `node` alone; and the Worker's answer for the same files (createApp().request), to compare with.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createApp } from '../../src/app';

export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const scratchDirs: string[] = [];

/** A new temporary directory laid out as `files` says (path → content); removeScratch() deletes them all. */
export function scratch(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kube-comms-lint-cli-'));
  scratchDirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `npm run build:cli`, its --outfile moved to a new temporary directory; returns the bundle's path. */
export function buildBundle(): string {
  const dir = scratch();
  const bundle = join(dir, 'kube-comms-lint.mjs');
  const build = spawnSync(
    'npm',
    ['run', '--silent', 'build:cli', '--', `--outfile=${bundle}`, '--log-level=warning'],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  for (let up = dir; up !== dirname(up); up = dirname(up)) {
    if (existsSync(join(up, 'node_modules')))
      throw new Error(`${up} has node_modules: not a Node-only place`);
  }
  return bundle;
}

export function runCli(
  program: string,
  args: readonly string[],
  options: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string> } = {},
): CliRun {
  const run = spawnSync(process.execPath, [program, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under a directory, sorted as the CLI walks it (by code unit), as paths relative to REPO. */
export function filesUnder(dir: string): string[] {
  const absolute = join(REPO, dir);
  const walk = (at: string): string[] =>
    readdirSync(at)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap((name) => (statSync(join(at, name)).isDirectory() ? walk(join(at, name)) : [join(at, name)]));
  return walk(absolute).map((file) => relative(REPO, file));
}

export interface ApiFile {
  /** The name the Worker is given (the part's filename). */
  name: string;
  /** The file's path, relative to REPO. */
  path: string;
}

const app = createApp();

/** POST /v1/lint with one multipart part per file, as `curl -F 'file=@PATH;filename=NAME'` sends it. */
export async function lintThroughApi(files: readonly ApiFile[], query: Record<string, string> = {}) {
  const form = new FormData();
  for (const file of files) form.append('file', new File([readFileSync(join(REPO, file.path))], file.name));
  const search = new URLSearchParams(query).toString();
  const res = await app.request(`/v1/lint${search ? `?${search}` : ''}`, { method: 'POST', body: form });
  return { status: res.status, body: await res.text() };
}
