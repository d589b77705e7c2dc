/**
 * Targets 1 and 2 of issue 16: lint() against the fastest js-yaml loadAll of the same bytes, and how
 * lint grows from 1 MiB to 5 MiB.
 *
 * lint() is bundled by esbuild with the Worker's settings (target es2024, workerd conditions, the
 * aliases and keep_names of wrangler.toml, except the js-yaml one: under Node the source's own
 * js-yaml/browser is the fast build, see wrangler.toml), so Node runs the code that ships. The
 * reference is the fastest of four builds of js-yaml, all timed on the same strings; lint gets the
 * files as bytes, as an upload does. Every round runs each function once, interleaved.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { atCommit, inFreshProcesses } from './against';
import { interleaved, ms, target, type Timing } from './measure';
import { MiB, SHAPES, exampleFiles, type BenchFile } from './shapes';
import { workerAliases, workerKeepNames } from './wrangler-config';

interface Report {
  summary: { findings: number; suppressed: number };
  inputs: Array<{ documents: unknown[] }>;
}
type Lint = (uploads: Array<{ name: string; content: Uint8Array }>) => Promise<Report>;
interface Yaml {
  loadAll: (text: string) => unknown;
}

export interface LintOptions {
  repo: string;
  rounds: number;
  bigRounds: number;
  sizes: number[];
  /** The inputs to run: `example` and the names of SHAPES. */
  inputs: string[];
  /** A commit whose lint() is timed against this tree's, input by input (./against.ts). */
  against?: string;
}

async function bundledLint(repo: string): Promise<Lint> {
  const outfile = join(tmpdir(), `kcl-bench-lint-${process.pid}.mjs`);
  await bundleLint(repo, outfile);
  const module = (await import(pathToFileURL(outfile).href)) as { lint: Lint };
  rmSync(outfile);
  return module.lint;
}

/** Writes lint() of the tree at `repo` to `outfile`, bundled as the Worker bundles it. */
export async function bundleLint(repo: string, outfile: string): Promise<void> {
  const alias = workerAliases(repo);
  delete alias['js-yaml/browser'];
  await build({
    entryPoints: [join(repo, 'src/lint.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    keepNames: workerKeepNames(repo),
    // wrangler matches an alias's specifier exactly (esbuild's own `alias` would also take `zod/v4`).
    plugins: [
      {
        name: 'wrangler-alias',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            Object.hasOwn(alias, args.path) ? { path: alias[args.path] } : undefined,
          );
        },
      },
    ],
    outfile,
    logLevel: 'warning',
  });
}

async function parsers(repo: string): Promise<Record<string, Yaml>> {
  const require = createRequire(join(repo, 'package.json'));
  const dist = join(repo, 'node_modules/js-yaml/dist/');
  const esm = async (file: string) => (await import(pathToFileURL(join(dist, file)).href)) as Yaml;
  return {
    'js-yaml.mjs': await esm('js-yaml.mjs'),
    'js-yaml.cjs.js': require(join(dist, 'js-yaml.cjs.js')) as Yaml,
    'esm.min.mjs': await esm('browser/js-yaml.esm.min.mjs'),
    'umd.min.js': require(join(dist, 'browser/js-yaml.umd.min.js')) as Yaml,
  };
}

interface Row {
  lint: Timing;
  fastest: Timing;
  /** V8's own JSON.parse of the same text, when every file is JSON (a reference for target 2). */
  jsonParse?: Timing;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export async function benchLint(options: LintOptions): Promise<string[]> {
  const lint = await bundledLint(options.repo);
  const against = options.against ? await bundlesAgainst(options.repo, options.against) : undefined;
  const yaml = await parsers(options.repo);
  const inputs: Array<{ id: string; files: BenchFile[]; big: boolean }> = [];
  if (options.inputs.includes('example')) {
    inputs.push({ id: 'example', files: exampleFiles(options.repo), big: false });
  }
  for (const size of options.sizes) {
    for (const [shape, make] of Object.entries(SHAPES)) {
      if (options.inputs.includes(shape))
        inputs.push({ id: `${shape}@${size}MiB`, files: make(size * MiB), big: true });
    }
  }
  const rows = new Map<string, Row>();
  const encoder = new TextEncoder();
  console.log(
    `lint() vs the fastest js-yaml loadAll (${options.rounds} interleaved rounds for the example, ${options.bigRounds} for the shapes; medians)`,
  );
  for (const block of blocks(inputs)) {
    const fns: Record<string, () => unknown> = {};
    const prepared = [];
    for (const input of block) {
      const uploads = input.files.map((file) => ({ name: file.name, content: encoder.encode(file.content) }));
      const texts = input.files.filter((file) => !file.name.endsWith('.env')).map((file) => file.content);
      fns[`${input.id} lint`] = () => lint(uploads);
      if (input.big && texts.length > 0 && texts.every(isJson)) {
        fns[`${input.id} JSON.parse`] = () => {
          for (const text of texts) JSON.parse(text);
        };
      }
      for (const [name, parser] of Object.entries(yaml)) {
        fns[`${input.id} ${name}`] = () => {
          for (const text of texts) parser.loadAll(text);
        };
      }
      prepared.push({ input, uploads, report: await lint(uploads) });
    }
    const big = block.some((input) => input.big);
    const times = await interleaved(fns, big ? options.bigRounds : options.rounds, big ? 2 : 100);
    for (const { input, uploads, report } of prepared) {
      const parserTimes = Object.keys(yaml).map((name) => ({
        name,
        time: times[`${input.id} ${name}`] ?? { wall: NaN, cpu: NaN },
      }));
      const fastest = parserTimes.reduce((a, b) => (b.time.cpu < a.time.cpu ? b : a));
      const lintTime = times[`${input.id} lint`] ?? { wall: NaN, cpu: NaN };
      const jsonParse = times[`${input.id} JSON.parse`];
      rows.set(input.id, { lint: lintTime, fastest: fastest.time, ...(jsonParse ? { jsonParse } : {}) });
      const bytes = uploads.reduce((n, upload) => n + upload.content.length, 0);
      const documents = report.inputs.reduce((n, file) => n + file.documents.length, 0);
      console.log(
        `  ${input.id.padEnd(12)} ${String(bytes).padStart(8)} B ${String(documents).padStart(4)} docs ` +
          `${report.summary.findings}+${report.summary.suppressed} findings | lint cpu ${ms(lintTime.cpu)} ` +
          `(wall ${ms(lintTime.wall)}) | loadAll cpu ${parserTimes.map((p) => `${p.name} ${ms(p.time.cpu)}`).join(', ')} ` +
          `| ${(lintTime.cpu / fastest.time.cpu).toFixed(2)}× ${fastest.name}` +
          (jsonParse ? ` | JSON.parse cpu ${ms(jsonParse.cpu)}` : ''),
      );
      if (against) {
        const runs = 6;
        const cpu = inFreshProcesses(against.bundles, input.files, input.big ? 9 : 1000, runs);
        console.log(
          `  ${''.padEnd(12)} this tree ${ms(cpu.tree)} | ${against.ref} ${ms(cpu.before)} | ` +
            `this tree / ${against.ref}: ${(cpu.tree / cpu.before).toFixed(2)}× (medians of ${runs} fresh processes each)`,
        );
      }
    }
  }
  against?.remove();
  return targetLines(rows, options.sizes);
}

/**
 * The inputs timed together: each alone, but a List with the same objects as documents at its size,
 * so the ratio of the two is measured under the same conditions (the same rounds, neighbours and GC
 * state). Timed in separate blocks, the List's lint came out 1.14–1.40× the documents' run after run;
 * interleaved with them, 0.98–1.08×.
 */
function blocks<T extends { id: string }>(inputs: T[]): T[][] {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const paired = new Set<string>();
  const out: T[][] = [];
  for (const input of inputs) {
    if (paired.has(input.id)) continue;
    const twin = input.id.startsWith('rbac@') ? byId.get(input.id.replace('rbac@', 'list@')) : undefined;
    if (twin) paired.add(twin.id);
    out.push(twin ? [input, twin] : [input]);
  }
  return out;
}

/** This tree's lint() and that of `ref`, bundled alike into a temporary directory. */
async function bundlesAgainst(repo: string, ref: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kcl-bench-against-'));
  const bundles = { tree: join(dir, 'tree.mjs'), before: join(dir, 'before.mjs') };
  await bundleLint(repo, bundles.tree);
  await atCommit(repo, ref, (tree) => bundleLint(tree, bundles.before));
  return {
    ref,
    bundles,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function targetLines(rows: Map<string, Row>, sizes: number[]): string[] {
  const lines: string[] = [];
  const ratio = (id: string) => {
    const row = rows.get(id);
    return row ? row.lint.cpu / row.fastest.cpu : NaN;
  };
  if (rows.has('example')) {
    lines.push(target('1  example: lint / fastest loadAll (CPU medians)', ratio('example'), 1.5));
  }
  for (const shape of Object.keys(SHAPES)) {
    if (rows.has(`${shape}@1MiB`))
      lines.push(target(`1  ${shape} @ 1 MiB: lint / fastest loadAll`, ratio(`${shape}@1MiB`), 2));
  }
  for (const size of sizes) {
    const list = rows.get(`list@${size}MiB`);
    const documents = rows.get(`rbac@${size}MiB`);
    if (list && documents) {
      lines.push(
        target(
          `1  List / the same objects as documents @ ${size} MiB`,
          list.lint.cpu / documents.lint.cpu,
          1.1,
        ),
      );
    }
  }
  for (const shape of Object.keys(SHAPES)) {
    const one = rows.get(`${shape}@1MiB`);
    const five = rows.get(`${shape}@5MiB`);
    if (one && five) {
      // JSON.parse of the same text, for reference: V8 building the same objects, without our reader.
      const reference =
        one.jsonParse && five.jsonParse
          ? ` (JSON.parse of the same text: ${(five.jsonParse.cpu / one.jsonParse.cpu).toFixed(2)}×)`
          : '';
      lines.push(
        target(`2  ${shape}: lint 5 MiB / lint 1 MiB`, five.lint.cpu / one.lint.cpu, 5.5) + reference,
      );
    }
  }
  return lines;
}
