/**
 * Run by bundle.ts in a fresh `node --experimental-vm-modules` per sample: compiles the Worker bundle
 * (argv[2]) as a module, then evaluates it (the Worker's global scope), then serves its first GET /healthz
 * and POST /v1/lint (body argv[3]); prints the CPU ms of each step as one JSON line.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

interface Worker {
  fetch(request: Request, env: Record<string, string>, ctx: object): Promise<Response>;
}

const cpu = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const env = { MAX_BODY_BYTES: '5242880' };
const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined };
const code = readFileSync(process.argv[2] ?? '', 'utf8');
let since = process.cpuUsage();
const module = new vm.SourceTextModule(code, { context: vm.createContext(globalThis) });
await module.link(() => {
  throw new Error('the Worker bundle imports nothing');
});
const compile = cpu(since);
since = process.cpuUsage();
await module.evaluate();
const globalScope = cpu(since);
const worker = (module.namespace as { default: Worker }).default;
since = process.cpuUsage();
const health = await worker.fetch(new Request('http://bench/healthz'), env, ctx);
await health.text();
const firstHealthz = cpu(since);
since = process.cpuUsage();
const lint = await worker.fetch(
  new Request('http://bench/v1/lint', { method: 'POST', body: process.argv[3] ?? 'kind: Pod\n' }),
  env,
  ctx,
);
await lint.text();
const firstLint = cpu(since);
console.log(
  JSON.stringify({ compile, globalScope, firstHealthz, firstLint, status: [health.status, lint.status] }),
);
