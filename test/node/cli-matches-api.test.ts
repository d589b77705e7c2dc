/**
 * The CLI prints what the Worker answers. Each case runs the bundled CLI as a process (node alone, from a
 * directory with no node_modules) on corpus or example files, sends the same files, named as the CLI
 * names them, with the same options to POST /v1/lint (createApp().request), and compares: the report
 * byte for byte in every format (no report field is volatile today: a field that becomes one, such as a
 * default asOf, must be pinned by an option here, not masked), the exit status with the HTTP status, and
 * the reasons the CLI gives for refusing a run with the API's problem.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasConfigurationName } from '../../src/cli/configuration-names';
import { LIMITS } from '../../src/catalogue/limits';
import type { Problem } from '../../src/schemas/problem';
import type { Report } from '../../src/schemas/report';
import {
  REPO,
  buildBundle,
  filesUnder,
  lintThroughApi,
  removeScratch,
  runCli,
  scratch,
  type ApiFile,
} from '../support/cli';

let bundle = '';
beforeAll(() => {
  bundle = buildBundle();
}, 120_000);
afterAll(removeScratch);

const CORPUS = 'test/fixtures/corpus';
const EXAMPLE = 'examples/kubeadm-control-plane';
const SOURCES = [...new Set(filesUnder(CORPUS).map((file) => file.split('/')[3] ?? ''))].filter(
  (name) => name !== 'SOURCES.md',
);

/** Files named as the CLI names them without --root: their paths as given (here, relative to REPO). */
const asGiven = (paths: readonly string[]): ApiFile[] => paths.map((path) => ({ name: path, path }));
/** Files named as the CLI names them with --root DIR: `/` and their path under DIR. */
const underRoot = (root: string): ApiFile[] =>
  filesUnder(root).map((path) => ({ name: `/${relative(root, path)}`, path }));

/** CLI flag → API query parameter, for the options a case passes. */
const QUERY: Record<string, string> = {
  '--format': 'format',
  '--network': 'network',
  '--kubernetes-version': 'kubernetesVersion',
  '--fail-on': 'failOn',
  '--rules': 'rules',
  '--skip-rules': 'skipRules',
  '--as-of': 'asOf',
};

/**
 * Every case judges certificates at one fixed time: report.options.asOf is the time of the run when
 * absent, so the CLI's report and the API's would differ by the milliseconds between them.
 */
const AS_OF = ['--as-of', '2026-06-01T00:00:00Z'];

function queryOf(flags: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (let i = 0; i < flags.length; i += 2) query[QUERY[flags[i]!]!] = flags[i + 1]!;
  return query;
}

/**
 * Corpus folders whose files are real but not laid out as on a node (kops' nodeup test task lists, a
 * Cluster API Cluster without its KubeadmControlPlane): the layout tests upload
 * them under their node paths (test/support/corpus-files.ts); walked as they are, the API answers 400
 * and the CLI exits 2 with its reasons.
 */
const REFUSED = new Set(['kops', 'kops-v1.35.2']);
/** Folders with no file named like configuration (MicroK8s' default-args, kept as in its repository). */
const NOTHING_READ = new Set(['microk8s']);

/**
 * The CLI's exit 2 for a request the API refuses as holding no configuration: the same reasons, one a
 * line, after the notes on the files it skipped.
 */
function expectSameRefusal(
  cli: ReturnType<typeof runCli>,
  api: { status: number; body: string },
  skipped: readonly string[] = [],
) {
  expect(api.status, api.body).toBe(400);
  const problem = JSON.parse(api.body) as Problem;
  expect(cli.status).toBe(2);
  expect(cli.stdout).toBe('');
  const notes = skipped.map(
    (file) =>
      `kube-comms-lint: skipped ${file}: not named like a configuration file (name it on the command line to lint it)\n`,
  );
  const reasons = problem.files!.map(
    (file) =>
      `  ${[file.file, file.line, file.column].filter((part) => part !== undefined).join(':')}: ${file.reason}`,
  );
  expect(cli.stderr).toBe(
    `${notes.join('')}kube-comms-lint: no Kubernetes configuration recognized in any file\n${reasons.join('\n')}\n`,
  );
}

/** Runs both and checks they agree: the same bytes, and exit 0/1 where the API says passed or not. */
async function expectSameReport(
  cliArgs: readonly string[],
  files: readonly ApiFile[],
  caseFlags: readonly string[],
) {
  const flags = [...caseFlags, ...AS_OF];
  const cli = runCli(bundle, [...flags, ...cliArgs]);
  const api = await lintThroughApi(files, queryOf(flags));
  expect(api.status, api.body).toBeOneOf([200, 422]);
  expect(cli.stdout).toBe(api.body);
  const json = await lintThroughApi(files, { ...queryOf(flags), format: 'json' });
  const report = JSON.parse(json.body) as Report;
  expect(report.inputs.map((input) => input.file)).toEqual(files.map((file) => file.name));
  expect(cli.status, cli.stderr).toBe(report.summary.passed ? 0 : 1);
  if (api.status === 422) expect(cli.status).toBe(1);
  return { cli, report };
}

describe('the CLI prints the report POST /v1/lint answers', () => {
  it.each(SOURCES)('for the corpus folder %s, walked', async (source) => {
    const dir = `${CORPUS}/${source}`;
    const all = filesUnder(dir);
    // The API gets what the CLI reads; every other file is named as skipped.
    const read = all.filter((file) => hasConfigurationName(file));
    const cli = runCli(bundle, ['--format', 'json', dir]);
    for (const file of all.filter((f) => !read.includes(f)))
      expect(cli.stderr).toContain(`skipped ${file}: not named like a configuration file`);
    expect(cli.stderr.match(/skipped /g)?.length ?? 0).toBe(all.length - read.length);
    if (read.length === 0) {
      expect(NOTHING_READ.has(source), `${source}: nothing named like configuration`).toBe(true);
      expect(cli.status).toBe(2);
      expect(cli.stderr).toMatch(/no file to lint: every file found was skipped\n$/);
      return;
    }
    expect(NOTHING_READ.has(source)).toBe(false);
    if (REFUSED.has(source)) {
      const skipped = all.filter((file) => !read.includes(file));
      expectSameRefusal(cli, await lintThroughApi(asGiven(read), { format: 'json' }), skipped);
      return;
    }
    await expectSameReport([dir], asGiven(read), ['--format', 'json']);
  });

  // One run holds at most maxFiles files: the corpus goes in as few runs of whole folders as fit.
  const runs: string[][] = [];
  for (const source of SOURCES) {
    const count = filesUnder(`${CORPUS}/${source}`).filter((file) => hasConfigurationName(file)).length;
    const last = runs.at(-1);
    const used = (last ?? []).reduce(
      (sum, s) => sum + filesUnder(`${CORPUS}/${s}`).filter((file) => hasConfigurationName(file)).length,
      0,
    );
    if (last && used + count <= LIMITS.maxFiles) last.push(source);
    else runs.push([source]);
  }

  it.each(['json', 'sarif', 'text', 'junit', 'markdown'])(
    'for the whole corpus in runs of at most maxFiles files, as %s',
    async (format) => {
      expect(runs.length).toBeGreaterThan(1);
      expect(runs.flat()).toEqual(SOURCES);
      let total = 0;
      for (const sources of runs) {
        const dirs = sources.map((source) => `${CORPUS}/${source}`);
        const files = dirs.flatMap((dir) => filesUnder(dir)).filter((file) => hasConfigurationName(file));
        total += files.length;
        await expectSameReport(dirs, asGiven(files), ['--format', format]);
      }
      expect(total).toBeGreaterThan(150);
    },
  );

  it('refuses the whole corpus in one run: more than maxFiles files', () => {
    const cli = runCli(bundle, [CORPUS]);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(`skipped ${CORPUS}/SOURCES.md: not named like a configuration file`);
    expect(cli.stderr).toMatch(/\(limit maxFiles\)\n$/);
  });

  it.each(['json', 'sarif', 'text', 'junit', 'markdown', 'svg'])(
    'for the kubeadm example under --root, as %s',
    async (format) => {
      const { report } = await expectSameReport(['--root', EXAMPLE], underRoot(EXAMPLE), [
        '--format',
        format,
      ]);
      expect(report.findings.length).toBeGreaterThan(0);
    },
  );

  it.each([
    [['--network', 'trusted', '--kubernetes-version', '1.30']],
    [['--fail-on', 'critical']],
    [['--fail-on', 'medium', '--skip-rules', 'proxy-traffic-unprotected,apiserver-anonymous-auth']],
    [['--rules', 'kubelet-serving-cert-self-signed', '--fail-on', 'high']],
  ])('with the options %j', async (flags) => {
    await expectSameReport(['--root', EXAMPLE], underRoot(EXAMPLE), ['--format', 'json', ...flags]);
  });

  it('for a node layout under --root, whose flags name files by their path on the node', async () => {
    const root = `${CORPUS}/kind/images/base/files`;
    const { report } = await expectSameReport([root, '--root', root], underRoot(root), ['--format', 'json']);
    expect(report.inputs.map((input) => input.file)).toContain('/etc/default/kubelet');
  });

  it('for standard input named with --stdin-filename, as for a raw body named with ?filename=', async () => {
    const path = `${EXAMPLE}/etc/kubernetes/manifests/kube-apiserver.yaml`;
    const name = '/etc/kubernetes/manifests/kube-apiserver.yaml';
    const input = readFileSync(join(REPO, path));
    const cli = runCli(bundle, ['--format', 'json', ...AS_OF, '--stdin-filename', name, '-'], { input });
    const api = await lintThroughApi([{ name, path }], { format: 'json', asOf: AS_OF[1]! });
    expect(cli.stdout).toBe(api.body);
  });

  it('with a binary file beside a configuration: an input error, exit 1, like the API', async () => {
    const dir = scratch({ kubelet: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]) });
    const files = [
      { name: `${EXAMPLE}/var/lib/kubelet/config.yaml`, path: `${EXAMPLE}/var/lib/kubelet/config.yaml` },
      { name: join(dir, 'kubelet'), path: relative(REPO, join(dir, 'kubelet')) },
    ];
    const { cli, report } = await expectSameReport(
      files.map((file) => file.name),
      files,
      ['--format', 'json'],
    );
    expect(cli.status).toBe(1);
    expect(report.inputs[1]?.errors[0]?.message).toMatch(/binary data/);
  });
});

describe('the CLI refuses a run where the API refuses the request', () => {
  it.each([
    // kind's own Cluster (kind.config) is read now, as kubeadm configuration patches (issue 13).
    `${CORPUS}/kops/nodeup/pkg/model/tests/golden/minimal/tasks-kube-scheduler.yaml`,
    `${CORPUS}/kubescape-regolibrary/rules/insecure-port-flag/test/test/expected.json`,
    'README.md',
  ])('no configuration recognized in %s: exit 2 with the reason the API gives (400)', async (path) => {
    expectSameRefusal(runCli(bundle, [path]), await lintThroughApi(asGiven([path])));
  });

  it("over the file limit: exit 2 naming maxFiles, with the API's words", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 201; i++)
      files[`kubelet-${String(i).padStart(3, '0')}.yaml`] = 'kind: KubeletConfiguration\n';
    const dir = scratch(files);
    const cli = runCli(bundle, [dir]);
    const api = await lintThroughApi(filesUnder(relative(REPO, dir)).map((path) => ({ name: path, path })));
    expect(api.status).toBe(413);
    const problem = JSON.parse(api.body) as Problem;
    expect(problem.limit).toBe('maxFiles');
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(`kube-comms-lint: ${problem.detail.replace(/\.$/, '')}\n`);
  });

  it('over the body limit: exit 2 naming maxBodyBytes', async () => {
    const dir = scratch({ 'manifests/big.yaml': `# ${'x'.repeat(5 * 1024 * 1024)}\nkind: Pod\n` });
    const cli = runCli(bundle, [dir]);
    const api = await lintThroughApi(filesUnder(relative(REPO, dir)).map((path) => ({ name: path, path })));
    expect(api.status).toBe(413);
    expect((JSON.parse(api.body) as Problem).limit).toBe('maxBodyBytes');
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(
      /^kube-comms-lint: the files are larger than 5242880 bytes in all \(limit maxBodyBytes\)/,
    );
  });

  it.each([
    ['--network', 'sometimes', 'network'],
    ['--kubernetes-version', '2.0', 'kubernetesVersion'],
    ['--fail-on', 'severe', 'failOn'],
    ['--format', 'pdf', 'format'],
    ['--rules', 'Not_An_Id', 'rules'],
    ['--skip-rules', 'no-such-rule', 'skipRules'],
  ])('%s %s: exit 2 with the reason the API gives for %s', async (flag, value, parameter) => {
    const cli = runCli(bundle, [flag, value, EXAMPLE]);
    const api = await lintThroughApi(underRoot(EXAMPLE), { [parameter]: value });
    expect(api.status).toBe(400);
    const problem = JSON.parse(api.body) as Problem;
    expect(problem.parameter).toBe(parameter);
    const reason = problem.detail
      .replace(`Option ${parameter}: `, '')
      .replace(/( GET \/v1\/rules lists them)?\.$/, '')
      .replace(/\.$/, '');
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(`kube-comms-lint: ${flag}: ${reason}\n`);
  });
});
