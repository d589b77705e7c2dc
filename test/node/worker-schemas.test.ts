/**
 * The schemas as the Worker bundle has them (wrangler.toml's [alias]: `@hono/zod-openapi` is
 * src/vendor/zod-openapi.ts, built on zod/mini) against the schemas of the source (classic zod, which
 * the CLI, the other tests and the API description use): every input gets the same answer from both,
 * with the same data when it is valid and the same issues when it is not. The Worker validates with
 * three of them: the options and JSON envelope of POST /v1/lint, and a report sent back for download.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, lint } from '../../src/lint';
import * as source from '../../src/schemas/lint-request';
import { Report } from '../../src/schemas/report';
import { workerAliases } from '../../scripts/bench/wrangler-config';
import { exampleFiles } from '../../scripts/bench/shapes';
import { jsonValues } from '../support/json-values';

interface Parsed {
  success: boolean;
  data?: unknown;
  error?: { issues: unknown[] };
}
interface Schema {
  safeParse: (input: unknown) => Parsed;
}
type Schemas = Record<'LintOptionsInput' | 'LintEnvelope' | 'Report', Schema>;

const repo = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'kcl-worker-schemas-'));
const SOURCE: Schemas = {
  LintOptionsInput: source.LintOptionsInput,
  LintEnvelope: source.LintEnvelope,
  Report,
};
/** The bundle is run in a thread of its own: zod keeps its configuration (the English messages) on
 * globalThis, so in this thread the source's classic zod would configure the bundle's copy too. */
let bundle: string;

beforeAll(async () => {
  const alias = workerAliases(repo);
  bundle = join(out, 'schemas.mjs');
  await build({
    stdin: {
      contents:
        "export { LintOptionsInput, LintEnvelope } from './src/schemas/lint-request';\nexport { Report } from './src/schemas/report';\n",
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    // wrangler matches an alias's specifier exactly, as scripts/bench/lint.ts does.
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
    outfile: bundle,
    logLevel: 'warning',
  });
}, 60_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

type Case = [keyof Schemas, unknown];

/** What a parse answers: valid with its data, or invalid with its issues. */
function outcome(parsed: Parsed) {
  return parsed.success ? { valid: true, data: parsed.data } : { valid: false, issues: parsed.error?.issues };
}

/** The bundle's outcome of each case, and whether its schemas are the mini ones, from a thread of its own. */
async function inBundle(cases: Case[]): Promise<{ mini: boolean; outcomes: unknown[] }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.bundle).then((schemas) => {
      const outcome = (parsed) => parsed.success ? { valid: true, data: parsed.data } : { valid: false, issues: parsed.error.issues };
      parentPort.postMessage({
        mini: 'mini' in schemas.LintOptionsInput,
        outcomes: workerData.cases.map(([name, input]) => outcome(schemas[name].safeParse(input))),
      });
    });`;
  const thread = new Worker(code, { eval: true, workerData: { bundle: pathToFileURL(bundle).href, cases } });
  try {
    return await new Promise((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
  } finally {
    await thread.terminate();
  }
}

async function expectAlike(given: Case[]): Promise<void> {
  // Both sides parse what reaches the thread: a structured clone (fast-check's objects may have no
  // prototype, a clone's always have one, and JSON's do too).
  const cases = structuredClone(given);
  const { mini, outcomes } = await inBundle(cases);
  // The premise: the aliased \`z\` wraps each mini schema it builds (src/vendor/zod-openapi.ts).
  expect(mini).toBe(true);
  cases.forEach(([name, input], i) => {
    expect(outcomes[i], `${name}: ${JSON.stringify(input).slice(0, 300)}`).toEqual(
      outcome(SOURCE[name].safeParse(input)),
    );
  });
}

const OPTIONS: Array<Record<string, unknown>> = [
  {},
  { network: 'trusted', kubernetesVersion: 'v1.31.2', failOn: 'high', format: 'sarif' },
  { network: 'sometimes' },
  { kubernetesVersion: '1.311' },
  { kubernetesVersion: 131 },
  { failOn: 'severe', format: 'yaml' },
  { rules: 'kubelet-anonymous-auth-enabled,proxy-traffic-unprotected', skipRules: 'a,b' },
  { rules: 'Bad_Id' },
  { skipRules: 'a,,b' },
  { asOf: '2026-06-01T00:00:00Z' },
  { asOf: '2026-06-01T00:00:00+02:00' },
  { asOf: '2026-06-01' },
  { certificateWarningDays: '30' },
  { certificateWarningDays: '1.5' },
  { certificateWarningDays: '-1' },
  { certificateWarningDays: '3651' },
  { certificateWarningDays: 'soon' },
  { certificateWarningDays: 7 },
  { color: 'true', compact: false, verbose: 'false', pretty: true },
  { color: 'yes' },
  { width: '40' },
  { width: '39' },
  { width: '401' },
  { width: '' },
  { filename: 'x'.repeat(1024) },
  { filename: 'x'.repeat(1025) },
  { filename: 7 },
  { unknownOption: 1, network: 'trusted' },
];

const ENVELOPES: unknown[] = [
  { files: [{ name: '/var/lib/kubelet/config.yaml', content: 'kind: KubeletConfiguration\n' }] },
  { files: [] },
  { files: [{ name: '', content: '' }] },
  { files: [{ name: 'x'.repeat(1025), content: '' }] },
  { files: [{ name: 'a', content: 7 }] },
  { files: [{ name: 'a' }] },
  { files: 'a' },
  {},
  { files: [{ name: 'a', content: 'b', extra: true }], extra: 1 },
  { files: [{ name: 'a', content: 'b' }], options: { network: 'trusted', format: 'sarif', failOn: 'high' } },
  { files: [{ name: 'a', content: 'b' }], options: { filename: 'ignored.yaml', width: '80' } },
  { files: [{ name: 'a', content: 'b' }], options: { network: 'maybe' } },
  { files: [{ name: 'a', content: 'b' }], options: null },
  { files: [{ name: 'a', content: 'b' }], options: {} },
];

describe('the Worker bundle’s schemas (zod/mini) against the source’s (classic zod)', () => {
  it('answer the same on lint options and JSON envelopes', async () => {
    await expectAlike([
      ...OPTIONS.map((options): Case => ['LintOptionsInput', options]),
      ...ENVELOPES.map((envelope): Case => ['LintEnvelope', envelope]),
    ]);
  });

  it('answer the same on a real report and on every one-field change of it', async () => {
    const encoder = new TextEncoder();
    const uploads = exampleFiles(repo).map((file) => ({
      name: file.name,
      content: encoder.encode(file.content),
    }));
    const report = JSON.parse(JSON.stringify(await lint(uploads, DEFAULT_OPTIONS))) as Record<
      string,
      unknown
    >;
    expect(SOURCE.Report.safeParse(report).success).toBe(true);
    const cases: Case[] = [['Report', report]];
    // Each place of the report, deleted or given a value of another type.
    const places: Array<Array<string | number>> = [];
    const walk = (value: unknown, path: Array<string | number>) => {
      places.push(path);
      if (Array.isArray(value)) {
        value.slice(0, 2).forEach((item, i) => {
          walk(item, [...path, i]);
        });
      } else if (value && typeof value === 'object')
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(report, []);
    expect(places.length).toBeGreaterThan(100);
    for (const path of places.slice(1)) {
      for (const replacement of [undefined, null, 'text', -1, 1.5, [], {}]) {
        const changed = structuredClone(report);
        let parent: Record<string | number, unknown> = changed;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path.at(-1) ?? '';
        if (replacement === undefined) Reflect.deleteProperty(parent, last);
        else parent[last] = replacement;
        cases.push(['Report', changed]);
      }
    }
    await expectAlike(cases);
  });

  it('answer the same on any JSON value', async () => {
    const text = fc.oneof(
      fc.constantFrom(
        'files',
        'name',
        'content',
        'options',
        'network',
        'trusted',
        'format',
        'sarif',
        'width',
      ),
      fc.string({ maxLength: 6 }),
    );
    const values = fc.sample(jsonValues(text), { numRuns: 500 });
    await expectAlike(
      values.flatMap((value) =>
        (['LintOptionsInput', 'LintEnvelope', 'Report'] as const).map((name): Case => [name, value]),
      ),
    );
  });
});
