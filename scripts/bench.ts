/**
 * Benchmark (issue 16): prints every performance target with its figure, MET or NOT MET.
 *   1, 2  lint() against the fastest js-yaml loadAll; 1 MiB shapes; List vs documents; 5 MiB / 1 MiB
 *   3, 5  HTTP on `wrangler dev`: POST /v1/lint and the form vs GET /healthz; CPU per request ≤ 256 KiB
 *   4     the Worker bundle's gzip size and its global-scope work at startup
 *   6     read-only documents built once, SARIF compact by default
 * Usage: npm run bench [-- --only lint,bundle,http,once] [--rounds 300] [--big-rounds 7] [--sizes 1,5]
 *        [--inputs example,pods,configz,rbac,list] [--against REF]
 *        [--http-rounds 150] [--samples 5]
 * Figures are medians; this machine is shared, so CPU time (not wall time) is what the lint targets use.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchBundle } from './bench/bundle';
import { benchHttp } from './bench/http';
import { benchLint } from './bench/lint';
import { benchOnce } from './bench/once';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const only = option('only', 'lint,bundle,http,once').split(',');
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
console.log(`node ${process.version}; load average ${load()}`);
const targets: string[] = [];
if (only.includes('lint')) {
  targets.push(
    ...(await benchLint({
      repo,
      rounds: Number(option('rounds', '300')),
      bigRounds: Number(option('big-rounds', '7')),
      sizes: option('sizes', '1,5').split(',').map(Number),
      inputs: option('inputs', 'example,pods,configz,rbac,list').split(','),
      ...(process.argv.includes('--against') ? { against: option('against', 'HEAD') } : {}),
    })),
  );
}
if (only.includes('bundle')) targets.push(...benchBundle(repo, Number(option('samples', '5'))));
if (only.includes('http')) targets.push(...(await benchHttp(repo, Number(option('http-rounds', '150')))));
if (only.includes('once')) targets.push(...(await benchOnce(repo, Number(option('rounds', '300')))));
console.log(`\nTargets of issue 16 (load average at the end ${load()}):`);
for (const line of targets) console.log(line);
