/**
 * openapi.yaml as its integrators' tools take it: Redocly's `recommended` ruleset finds no error (run
 * offline: the CLI's telemetry and update check are off), and a TypeScript client generated with
 * openapi-typescript and called with openapi-fetch type-checks a call to every operation.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url).href);

describe('Redocly lint, recommended ruleset (redocly.yaml)', () => {
  it('finds no error and no warning in openapi.yaml', () => {
    const run = spawnSync(
      process.execPath,
      [`${REPO}node_modules/@redocly/cli/bin/cli.js`, 'lint', 'openapi.yaml', '--format=json'],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const result = JSON.parse(run.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string }>;
    };
    expect(result.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });
});

/** A call to every operation, as an integrator writes it; JSON answers typed as JSON, problems as problems. */
const CALLS = `
import createClient from 'openapi-fetch';
import type { paths } from './api';

// The JSON answers: the report (200, 422) and the problems (4xx), typed from openapi.yaml.
const api = createClient<paths, 'application/json' | 'application/problem+json'>({ baseUrl: 'http://localhost:8787' });
// The two text documents.
const pages = createClient<paths>({ baseUrl: 'http://localhost:8787' });

export async function callEveryOperation() {
  const health = await api.GET('/healthz');
  const version: string | undefined = health.data?.version;
  const linted = await api.POST('/v1/lint', {
    params: { query: { network: 'trusted', failOn: 'high', skipRules: 'proxy-traffic-unprotected' } },
    body: { files: [{ name: '/var/lib/kubelet/config.yaml', content: 'kind: KubeletConfiguration\\n' }] },
  });
  const passed: boolean | undefined = linted.data?.summary.passed;
  const firstRule: string | undefined = linted.data?.findings[0]?.ruleId;
  const failed = linted.error && 'summary' in linted.error ? linted.error.summary.passed : undefined;
  const problem = linted.error && 'type' in linted.error ? linted.error.type : undefined;
  const rules = await api.GET('/v1/rules');
  const ids: string[] | undefined = rules.data?.rules.map((rule) => rule.id);
  const rule = await api.GET('/v1/rules/{id}', { params: { path: { id: 'kubelet-read-only-port-enabled' } } });
  const severity: 'critical' | 'high' | 'medium' | 'low' | 'info' | undefined = rule.data?.severity;
  const notFound: number | undefined = rule.error?.status;
  const paths = await api.GET('/v1/paths');
  const pathIds: string[] | undefined = paths.data?.paths.map((path) => path.id);
  const document = await api.GET('/openapi.json');
  const yaml = await pages.GET('/openapi.yaml', { parseAs: 'text' });
  const docs = await pages.GET('/docs', { parseAs: 'text' });
  return { version, passed, firstRule, failed, problem, ids, severity, notFound, pathIds, document, yaml, docs };
}
`;

/** What the type checker must refuse, so the check above cannot pass on `any`. */
const WRONG_CALLS = `
import createClient from 'openapi-fetch';
import type { paths } from './api';
const api = createClient<paths, 'application/json' | 'application/problem+json'>();
export async function wrong() {
  await api.GET('/v1/rules/{id}', { params: { path: { name: 'x' } } });
  await api.POST('/v1/lint', { params: { query: { network: 'public' } }, body: { files: [] } });
  const rules = await api.GET('/v1/rules');
  const id: number | undefined = rules.data?.rules[0]?.id;
  return id;
}
`;

/** The type errors of the given files, one program for all: `file:line` each. */
function typeErrors(dir: string, files: string[]): string[] {
  const program = ts.createProgram(
    files.map((file) => `${dir}/${file}`),
    {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file?.fileName.replace(`${dir}/`, '') ?? ''}:${line}`;
  });
}

describe('a TypeScript client generated from openapi.yaml (openapi-typescript, openapi-fetch)', () => {
  it('type-checks a call to every operation, and refuses wrong ones', async () => {
    // Inside the repository, so that the client resolves openapi-fetch from node_modules.
    const dir = `${REPO}test-results/openapi-client`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      `${dir}/api.d.ts`,
      astToString(await openapiTS(readFileSync(`${REPO}openapi.yaml`, 'utf8'))),
    );
    writeFileSync(`${dir}/calls.ts`, CALLS);
    writeFileSync(`${dir}/wrong.ts`, WRONG_CALLS);
    // Every wrong call is refused (lines 6, 7 and 9 of WRONG_CALLS), every right one accepted.
    expect(typeErrors(dir, ['calls.ts', 'wrong.ts'])).toEqual(['wrong.ts:6', 'wrong.ts:7', 'wrong.ts:9']);
  }, 120_000);
});
