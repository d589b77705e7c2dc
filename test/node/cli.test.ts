/**
 * The CLI's conventions, run as a user runs it: the bundle with `node` alone from a directory with no
 * node_modules, and the repo's bin (the TypeScript source through tsx) giving the same answer; --help,
 * --version, exit statuses, one-line usage errors, colours only on a terminal and never with NO_COLOR,
 * `-` for standard input, --root naming, skipped files named, --output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/catalogue/tool';
import { wantsColor } from '../../src/cli/output';
import { API_OPTIONS } from '../../src/cli/options';
import { RULESET_VERSION } from '../../src/lint';
import type { Report } from '../../src/schemas/report';
import { REPO, buildBundle, removeScratch, runCli, scratch } from '../support/cli';

const EXAMPLE = 'examples/kubeadm-control-plane';
const APISERVER = `${EXAMPLE}/etc/kubernetes/manifests/kube-apiserver.yaml`;
const ESC = '\u001b[';

let bundle = '';
beforeAll(() => {
  bundle = buildBundle();
}, 120_000);
afterAll(removeScratch);

const cli = (args: readonly string[], options?: Parameters<typeof runCli>[2]) =>
  runCli(bundle, args, options);
const reportOf = (stdout: string) => JSON.parse(stdout) as Report;
/** Runs compared with each other judge certificates at one time (report.options.asOf is now when absent). */
const AS_OF = ['--as-of', '2026-06-01T00:00:00Z'];
/**
 * The kubeadm example's summary: 4 path findings and 3 deprecated-flag infos (the scheduler's
 * --kubeconfig, the kubelet's --pod-infra-container-image and a flag its config file replaces).
 */
const EXAMPLE_SUMMARY = 'failed: 7 findings (3 high, 1 medium, 3 info)';

describe('the bundled CLI', () => {
  it('runs with node alone, away from the repository, and answers as the repo bin does', () => {
    const away = dirname(bundle);
    cpSync(join(REPO, EXAMPLE), join(away, 'node-1'), { recursive: true });
    const bundled = runCli(bundle, ['--root', 'node-1', '--format', 'sarif', ...AS_OF], { cwd: away });
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(1);
    const fromRepo = runCli(join(REPO, 'bin/kube-comms-lint.mjs'), [
      '--root',
      EXAMPLE,
      '--format',
      'sarif',
      ...AS_OF,
    ]);
    expect(fromRepo.stderr).toBe('');
    expect(bundled.stdout).toBe(fromRepo.stdout);
    expect(JSON.parse(bundled.stdout).runs[0].results.length).toBeGreaterThan(0);
  });

  it('is one file that imports nothing but Node built-ins', () => {
    const text = readFileSync(bundle, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const imports = [
      ...text.matchAll(/\bfrom\s*"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\)|\brequire\(\s*"([^"]+)"\)/g),
    ].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
    expect(imports.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
  });

  it('is what `npm run build:cli` writes to dist/kube-comms-lint.mjs', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.scripts['build:cli']).toMatch(/--outfile=dist\/kube-comms-lint\.mjs$/);
    expect(pkg.bin).toEqual({ 'kube-comms-lint': 'bin/kube-comms-lint.mjs' });
  });
});

describe('kube-comms-lint --help and --version', () => {
  it('--help lists every option, the exit statuses, and what happens when nothing is recognized', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: kube-comms-lint \[--root DIR\]/);
    for (const { flag } of API_OPTIONS) expect(run.stdout).toContain(`--${flag} `);
    for (const flag of ['--root', '--output', '--help', '--version']) expect(run.stdout).toContain(flag);
    expect(run.stdout).toMatch(/\n {2}0 {2}the report passed/);
    expect(run.stdout).toMatch(/\n {2}1 {2}the report failed/);
    expect(run.stdout).toMatch(/\n {2}2 {2}nothing was linted[^]*no Kubernetes configuration recognized/);
    expect(run.stdout).toContain('NO_COLOR');
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it('--version names the tool and ruleset versions the reports carry', () => {
    const run = cli(['-V']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`kube-comms-lint ${TOOL_VERSION} (ruleset ${RULESET_VERSION})\n`);
  });
});

describe('exit statuses', () => {
  it('0 when the report passes, 1 when --fail-on is met, and the default threshold is low', () => {
    expect(cli(['--root', EXAMPLE, '--fail-on', 'critical']).status).toBe(0);
    expect(cli(['--root', EXAMPLE, '--fail-on', 'high']).status).toBe(1);
    const byDefault = cli(['--root', EXAMPLE, '--format', 'json']);
    expect(byDefault.status).toBe(1);
    expect(reportOf(byDefault.stdout).summary.passed).toBe(false);
  });

  it('1 when a file fails to parse, even under a threshold nothing meets; the other files are still linted', () => {
    const dir = scratch({ 'broken.yaml': 'kind: KubeletConfiguration\n  readOnlyPort: [\n' });
    const run = cli(['--fail-on', 'critical', '--format', 'json', APISERVER, join(dir, 'broken.yaml')]);
    expect(run.status).toBe(1);
    const report = reportOf(run.stdout);
    expect(report.summary.inputErrors).toBe(1);
    expect(report.inputs[0]?.documents.some((doc) => doc.recognized)).toBe(true);
  });

  it.each([
    [[], /^kube-comms-lint: no PATH given/],
    [['--bogus', EXAMPLE], /^kube-comms-lint: Unknown option '--bogus' \(see --help\)$/],
    [['--network'], /^kube-comms-lint: Option '--network <value>' argument missing/],
    [['--network', 'sometimes', EXAMPLE], /^kube-comms-lint: --network: Invalid option/],
    [
      ['--skip-rules', 'no-such-rule,also-none', EXAMPLE],
      /^kube-comms-lint: --skip-rules: no rule has the id no-such-rule, also-none$/,
    ],
    [['no/such/file.yaml'], /^kube-comms-lint: no\/such\/file.yaml: no such file or directory$/],
    [['--root', 'README.md'], /^kube-comms-lint: --root README.md is not a directory$/],
    [['--root', EXAMPLE, 'README.md'], /^kube-comms-lint: README.md is not under --root /],
    [['-', '-'], /^kube-comms-lint: - is given twice/],
    [['docs'], /no file to lint: every file found was skipped$/m],
  ])('2 with a one-line reason for %j', (args, reason) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(reason);
    if (args[0] !== 'docs') expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('2 when no file holds a configuration, with the reason for each file', () => {
    const dir = scratch({ 'values.yaml': 'replicaCount: 3\n', 'notes.conf': 'kind: [\n' });
    const run = cli([dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kube-comms-lint: no Kubernetes configuration recognized in any file\n');
    expect(run.stderr).toMatch(/\n {2}\S*notes\.conf:\d+:\d+: YAML syntax error/);
    expect(run.stderr).toMatch(/\n {2}\S*values\.yaml:1: unknown: not a configuration kube-comms-lint reads/);
  });
});

describe('inputs', () => {
  it('--root names each file by its path on the node, and PATH defaults to the root', () => {
    const run = cli(['--root', EXAMPLE, '--format', 'json']);
    expect(reportOf(run.stdout).inputs.map((input) => input.file)).toEqual([
      '/etc/kubernetes/kubelet.conf',
      '/etc/kubernetes/manifests/kube-apiserver.yaml',
      '/etc/kubernetes/manifests/kube-controller-manager.yaml',
      '/etc/kubernetes/manifests/kube-scheduler.yaml',
      '/var/lib/kubelet/config.yaml',
      '/var/lib/kubelet/kubeadm-flags.env',
    ]);
  });

  it('without --root, files are named as given; a file reached twice is linted once', () => {
    const run = cli(['--format', 'json', `./${APISERVER}`, `${EXAMPLE}/etc/kubernetes/manifests`]);
    expect(reportOf(run.stdout).inputs.map((input) => input.file)).toEqual([
      APISERVER,
      `${EXAMPLE}/etc/kubernetes/manifests/kube-controller-manager.yaml`,
      `${EXAMPLE}/etc/kubernetes/manifests/kube-scheduler.yaml`,
    ]);
  });

  it('skips the files of a tree not named like configuration, says which, and lints one named as a PATH', () => {
    const dir = scratch({
      'README.md': '# Cluster config\n\nSee: the runbook.\n',
      'kubelet.key': 'not for us\n',
      '.git/config': '[core]\n',
      'node/var/lib/kubelet/config.yaml':
        'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n',
      'node/etc/default/kubelet': 'KUBELET_EXTRA_ARGS=--read-only-port=10255\n',
    });
    const run = cli(['--format', 'json', '--root', dir]);
    expect(run.stderr).toContain(`skipped ${join(dir, 'README.md')}: not named like a configuration file`);
    expect(run.stderr).toContain(`skipped ${join(dir, 'kubelet.key')}: not named like a configuration file`);
    expect(run.stderr).not.toContain('.git');
    expect(reportOf(run.stdout).inputs.map((input) => input.file)).toEqual([
      '/node/etc/default/kubelet',
      '/node/var/lib/kubelet/config.yaml',
    ]);
    const named = cli([
      '--format',
      'json',
      join(dir, 'README.md'),
      join(dir, 'node/var/lib/kubelet/config.yaml'),
    ]);
    expect(reportOf(named.stdout).inputs[0]?.file).toBe(join(dir, 'README.md'));
  });

  it("walks the names issue 13's layouts use: kops' *.manifest, MicroK8s' args, EnvironmentFiles", () => {
    const dir = scratch({
      'etc/kubernetes/manifests/kube-apiserver.manifest': 'apiVersion: v1\nkind: Pod\n',
      'var/snap/microk8s/current/args/kubelet': '--read-only-port=0\n',
      'etc/kubernetes/apiserver': 'KUBE_API_ARGS="--secure-port=6443"\n',
      'etc/kubernetes/pki/ca.key': 'not for us\n',
    });
    const run = cli(['--format', 'json', '--root', dir]);
    expect(run.stderr).toContain(`skipped ${join(dir, 'etc/kubernetes/pki/ca.key')}: not named like`);
    expect(reportOf(run.stdout).inputs.map((input) => input.file)).toEqual([
      '/etc/kubernetes/apiserver',
      '/etc/kubernetes/manifests/kube-apiserver.manifest',
      '/var/snap/microk8s/current/args/kubelet',
    ]);
  });

  it('notes the files it read but recognized nothing in, which the report lists as the API does', () => {
    const dir = scratch({ 'values.yaml': 'replicaCount: 3\n' });
    const run = cli(['--format', 'json', join(dir, 'values.yaml'), APISERVER]);
    expect(run.stderr).toBe(
      `kube-comms-lint: not recognized, listed in the report's inputs: ${join(dir, 'values.yaml')} (unknown: not a configuration kube-comms-lint reads)\n`,
    );
    expect(reportOf(run.stdout).inputs[0]?.documents[0]?.recognized).toBe(false);
  });

  it('- reads standard input, named stdin unless --stdin-filename says otherwise', () => {
    const input = readFileSync(join(REPO, APISERVER));
    expect(reportOf(cli(['--format', 'json', '-'], { input }).stdout).inputs[0]?.file).toBe('stdin');
    const named = cli(
      ['--format', 'json', '--stdin-filename', '/etc/kubernetes/manifests/kube-apiserver.yaml', '-'],
      {
        input,
      },
    );
    const report = reportOf(named.stdout);
    expect(report.inputs[0]?.file).toBe('/etc/kubernetes/manifests/kube-apiserver.yaml');
    expect(report.findings[0]?.location.file).toBe('/etc/kubernetes/manifests/kube-apiserver.yaml');
  });
});

describe('output', () => {
  it('--output writes the report to a file, standard output stays empty, and standard error says so', () => {
    const dir = scratch({});
    const out = join(dir, 'report.sarif');
    const run = cli(['--root', EXAMPLE, '--format', 'sarif', ...AS_OF, '--output', out]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`kube-comms-lint: wrote the sarif report to ${out}: ${EXAMPLE_SUMMARY}\n`);
    expect(readFileSync(out, 'utf8')).toBe(cli(['--root', EXAMPLE, '--format', 'sarif', ...AS_OF]).stdout);
  });

  it('text to a pipe has no colours', () => {
    const run = cli(['--root', EXAMPLE]);
    expect(run.stdout).toMatch(/^kube-comms-lint .*\nfailed: 7 findings \(3 high, 1 medium, 3 info\)/);
    expect(run.stdout).not.toContain(ESC);
  });

  it('colours text only on a terminal, never with NO_COLOR, never into a file', () => {
    expect(wantsColor('text', undefined, { isTTY: true, noColor: false })).toBe(true);
    expect(wantsColor('text', undefined, { isTTY: true, noColor: true })).toBe(false);
    expect(wantsColor('text', undefined, { isTTY: false, noColor: false })).toBe(false);
    expect(wantsColor('text', 'report.txt', { isTTY: true, noColor: false })).toBe(false);
    expect(wantsColor('json', undefined, { isTTY: true, noColor: false })).toBe(false);
  });

  // util-linux `script` gives the CLI a real terminal; without it, only the test above runs.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a real terminal: colours, and none with NO_COLOR=1', () => {
    const onTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `node ${bundle} --root ${EXAMPLE}`, '/dev/null'], {
        cwd: REPO,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env },
      }).stdout;
    expect(onTerminal({})).toContain(`${ESC}31m`);
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain(ESC);
    expect(onTerminal({ NO_COLOR: '' })).toContain(ESC); // no-color.org: set and empty does not count
  });
});
