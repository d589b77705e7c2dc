/**
 * Benchmark: lints the examples/ kubeadm bundle many times in-process and prints the median time per
 * lint, next to a bare js-yaml parse of the same bytes (the floor any YAML linter pays).
 * Usage: npm run bench [-- ROUNDS]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { lint } from '../src/lint';

const root = new URL('../examples/kubeadm-control-plane/', import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
const files = walk(root).map((path) => ({
  name: path.slice(root.length - 1),
  content: readFileSync(path, 'utf8'),
}));
const yamlFiles = files.filter((file) => !file.name.endsWith('.env'));
const bytes = files.reduce((n, file) => n + Buffer.byteLength(file.content), 0);
const rounds = Number(process.argv[2] ?? 2000);

async function median(run: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i++) await run(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const lintMs = await median(() => lint(files));
const parseMs = await median(() => {
  for (const file of yamlFiles) loadAll(file.content);
});
console.log(
  `bundle: ${files.length} files, ${bytes} bytes (examples/kubeadm-control-plane); ${rounds} rounds`,
);
console.log(`lint (ingest + model + rules + report): median ${(lintMs * 1000).toFixed(0)} µs`);
console.log(`js-yaml loadAll of the same YAML:       median ${(parseMs * 1000).toFixed(0)} µs`);
console.log(`ratio lint / bare parse: ${(lintMs / parseMs).toFixed(2)}x`);
