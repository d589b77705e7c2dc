/**
 * `npm run bench -- --against REF`: this tree's lint() against that of another commit, bundled alike.
 * On a shared machine two runs of the bench differ by more than most changes move lint, and two
 * bundles timed in one process are not alike either (the one imported first ran 4-9% slower here,
 * whichever it was). So each bundle is timed in fresh processes, alternately, and the medians compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure';
import type { BenchFile } from './shapes';

/**
 * Checks `ref` out in a temporary worktree that shares this repository's node_modules, hands the
 * directory to `use`, and removes the worktree afterwards, whatever `use` did.
 */
export async function atCommit<T>(repo: string, ref: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(mkdtempSync(join(tmpdir(), 'kcl-bench-')), 'tree');
  execFileSync('git', ['-C', repo, 'worktree', 'add', '--detach', '--quiet', dir, ref], { stdio: 'inherit' });
  try {
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return await use(dir);
  } finally {
    execFileSync('git', ['-C', repo, 'worktree', 'remove', '--force', dir], { stdio: 'inherit' });
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

const RUNNER = fileURLToPath(new URL('./time-lint.ts', import.meta.url));

/**
 * The median CPU ms of lint() over `files`, for each bundle: `runs` fresh processes per bundle, taking
 * turns, each reporting the median of `rounds` calls after a warm-up; the median of those is the figure.
 */
export function inFreshProcesses(
  bundles: { tree: string; before: string },
  files: BenchFile[],
  rounds: number,
  runs: number,
): { tree: number; before: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kcl-bench-input-'));
  const input = join(dir, 'files.json');
  writeFileSync(input, JSON.stringify(files));
  const times = { tree: [] as number[], before: [] as number[] };
  try {
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 ? (['before', 'tree'] as const) : (['tree', 'before'] as const)) {
        const child = spawnSync(
          process.execPath,
          ['--import', 'tsx', RUNNER, bundles[which], input, String(rounds)],
          {
            encoding: 'utf8',
          },
        );
        if (child.status !== 0) throw new Error(`time-lint.ts failed: ${child.stderr}`);
        times[which].push(Number(child.stdout.trim()));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tree: median(times.tree), before: median(times.before) };
}
