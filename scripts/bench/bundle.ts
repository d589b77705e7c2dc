/**
 * Target 4 of issue 16: the Worker bundle's size (gzip -9 of what `wrangler deploy --dry-run --minify`
 * writes) and the work its global scope does at startup. The global scope is timed in Node: each sample
 * is a fresh process that compiles the bundle as a module first, then evaluates it (startup-probe.ts),
 * so compiling is not counted; the first /healthz and /v1/lint after it are printed too (work a lazy
 * startup moves there).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, target } from './measure';

interface Probe {
  compile: number;
  globalScope: number;
  firstHealthz: number;
  firstLint: number;
  status: number[];
}

export function benchBundle(repo: string, samples: number): string[] {
  const out = mkdtempSync(join(tmpdir(), 'kcl-bench-bundle-'));
  try {
    execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', out], {
      cwd: repo,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const bundle = join(out, 'index.js');
    const raw = readFileSync(bundle);
    const gzipped = gzipSync(raw, { level: 9 }).length;
    const example = readFileSync(
      join(repo, 'examples/kubeadm-control-plane/etc/kubernetes/manifests/kube-apiserver.yaml'),
      'utf8',
    );
    const probes: Probe[] = [];
    for (let i = 0; i < samples; i++) {
      const line = execFileSync(
        process.execPath,
        [
          '--experimental-vm-modules',
          '--no-warnings',
          '--import',
          'tsx',
          join(import.meta.dirname, 'startup-probe.ts'),
          bundle,
          example,
        ],
        { encoding: 'utf8' },
      );
      probes.push(JSON.parse(line) as Probe);
    }
    const of = (key: 'compile' | 'globalScope' | 'firstHealthz' | 'firstLint') =>
      median(probes.map((p) => p[key]));
    console.log(
      `Worker bundle (wrangler deploy --dry-run --minify): ${raw.length} bytes, ${gzipped} gzip -9; ` +
        `startup in Node, CPU medians of ${samples} fresh processes: compile ${of('compile').toFixed(1)} ms, ` +
        `global scope ${of('globalScope').toFixed(1)} ms, first /healthz ${of('firstHealthz').toFixed(1)} ms, ` +
        `first POST /v1/lint ${of('firstLint').toFixed(1)} ms (status ${probes[0]?.status.join('/') ?? '?'})`,
    );
    return [
      target('4  bundle, minified, gzip -9', gzipped / 1000, 150, 'KB'),
      target('4  global-scope work at startup (Node CPU)', of('globalScope'), 10, 'ms'),
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
