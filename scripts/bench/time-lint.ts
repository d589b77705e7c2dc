/**
 * One process of `npm run bench -- --against` (./against.ts): imports a bundled lint(), runs it over
 * the files of a JSON file, and prints the median CPU ms of `rounds` calls after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchFile } from './shapes';

type Lint = (uploads: Array<{ name: string; content: Uint8Array }>) => Promise<unknown>;

const [bundle = '', input = '', rounds = '1'] = process.argv.slice(2);
const { lint } = (await import(pathToFileURL(bundle).href)) as { lint: Lint };
const encoder = new TextEncoder();
const files = JSON.parse(readFileSync(input, 'utf8')) as BenchFile[];
const uploads = files.map((file) => ({ name: file.name, content: encoder.encode(file.content) }));
const count = Number(rounds);
const warmup = Math.ceil(count / 3);
const times: number[] = [];
for (let i = 0; i < warmup + count; i++) {
  const before = process.cpuUsage();
  await lint(uploads);
  const used = process.cpuUsage(before);
  if (i >= warmup) times.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(times[times.length >> 1]);
