/**
 * The README's commands, word for word, against `wrangler dev` (on a free port, in place of
 * localhost:8787): every shell block that calls the API with curl runs in bash, in a copy of
 * examples/, and its answers are checked, so the README cannot go stale. The sample answer it shows
 * must be what the kubeadm example really gets. Commands that read a cluster or a node (`kubectl get
 * --raw`, `ps`) run against stand-ins on PATH that print a kubelet's /configz and command line.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/schemas/report';
import { ROOT, startWrangler, type Server } from './support';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const LOCAL = 'http://localhost:8787';

/** The README's fenced blocks of one language, in order. */
function blocks(language: string): string[] {
  return [...README.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The shell blocks that call the API: every one that names localhost:8787 with curl. */
const CURL_BLOCKS = blocks('sh').filter(
  (block) => block.includes(`curl`) && block.includes(LOCAL) && !block.includes('collect.sh'),
);

/** Stand-ins for the commands that read a live cluster or node. */
const STAND_INS: Record<string, string> = {
  kubectl: `#!/bin/sh
# kubectl get --raw /api/v1/nodes/NODE/proxy/configz: a kubelet's /configz
echo '{"kubeletconfig":{"readOnlyPort":10255,"authentication":{"anonymous":{"enabled":true}},"authorization":{"mode":"AlwaysAllow"}}}'
`,
  ps: `#!/bin/sh
# ps -o args= -C kubelet: a kubelet's command line
echo '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf --read-only-port=10255'
`,
};

let server: Server | undefined;
let work = '';
beforeAll(async () => {
  server = await startWrangler();
  work = mkdtempSync(join(tmpdir(), 'kcl-readme-'));
  cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
  mkdirSync(join(work, 'bin'));
  for (const [name, script] of Object.entries(STAND_INS)) {
    writeFileSync(join(work, 'bin', name), script);
    chmodSync(join(work, 'bin', name), 0o755);
  }
});
afterAll(async () => {
  await server?.stop();
});

/** A README block run as written, with the local URL pointing at the Worker under test. */
function run(block: string): { status: number | null; stdout: string; stderr: string } {
  const script = block.replaceAll(LOCAL, server!.base);
  const result = spawnSync('bash', ['-c', script], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH ?? ''}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each JSON document curl printed, one after another. */
function jsonAnswers(stdout: string): unknown[] {
  const answers: unknown[] = [];
  let rest = stdout.trim();
  while (rest) {
    // The reports are compact: one object per answer, each closing where the next opens.
    let depth = 0;
    let end = 0;
    let inString = false;
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    answers.push(JSON.parse(rest.slice(0, end)));
    rest = rest.slice(end).trim();
  }
  return answers;
}

describe("the README's curl examples against wrangler dev", () => {
  it('finds the blocks it runs', () => {
    // The kubeadm upload, more ways to call it, the certificates, the formats.
    expect(CURL_BLOCKS.length).toBe(4);
  });

  it('the kubeadm upload answers the sample the README shows', () => {
    const block = CURL_BLOCKS.find((b) => b.startsWith('cd examples/kubeadm-control-plane\ncurl'))!;
    const { status, stdout } = run(block);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const sample = JSON.parse(blocks('json')[0]!) as {
      summary: Report['summary'];
      paths: Report['paths'];
      findings: Array<Record<string, unknown> & { ruleId: string; remediation: string; links: string[] }>;
    };
    expect(report.summary).toEqual(sample.summary);
    // Abridged: the paths shown are the report's, in its order.
    const shown = report.paths.filter((path) => sample.paths.some((p) => p.id === path.id));
    expect(sample.paths).toEqual(shown);
    for (const finding of sample.findings) {
      const real = report.findings.find((f) => f.ruleId === finding.ruleId)!;
      const { remediation, links, ...exact } = finding;
      expect(real).toMatchObject(exact);
      expect(real.remediation.startsWith(remediation.replace(/, \.\.\.$/, ''))).toBe(true);
      expect(real.links).toEqual(expect.arrayContaining(links.filter((link) => link !== '...')));
    }
  });

  it('the other ways to call it answer, and the failOn recipe fails with the report', () => {
    const block = CURL_BLOCKS.find((b) => b.includes('?failOn=high'))!;
    const { status, stdout } = run(block);
    // The block's last command is the failOn recipe: curl exits 22 on the 422.
    expect(status).toBe(22);
    const answers = jsonAnswers(stdout) as Report[];
    // raw body, /configz, command line, envelope, failOn
    expect(answers).toHaveLength(5);
    for (const answer of answers) expect(answer.tool.name).toBe('kube-comms-lint');
    const [raw, configz, commandLine, envelope, failOn] = answers as [Report, Report, Report, Report, Report];
    expect(raw.inputs[0]?.file).toBe('/var/lib/kubelet/config.yaml');
    expect(configz.findings.map((f) => f.ruleId)).toContain('kubelet-read-only-port-enabled');
    expect(commandLine.findings.map((f) => f.ruleId)).toContain('kubelet-read-only-port-enabled');
    expect(envelope.options.network).toBe('trusted');
    expect(failOn.summary.passed).toBe(false);
    expect(failOn.findings.some((f) => f.severity === 'high')).toBe(true);
  });

  it('the certificates block, on a PKI made here by openssl', () => {
    const block = CURL_BLOCKS.find((b) => b.includes('asOf=2026-06-01'))!;
    const dir = mkdtempSync(join(tmpdir(), 'kcl-readme-pki-'));
    const example = join(work, 'examples/kubeadm-control-plane/etc/kubernetes');
    cpSync(join(example, 'manifests/kube-apiserver.yaml'), join(dir, 'kube-apiserver.yaml'));
    cpSync(join(example, 'kubelet.conf'), join(dir, 'kubelet.conf'));
    const openssl = (...args: string[]) => {
      const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    };
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '3650',
      '-subj',
      '/CN=kubernetes',
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'apiserver.key',
      '-out',
      'apiserver.csr',
      '-subj',
      '/CN=kube-apiserver',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      'apiserver.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '365',
      '-out',
      'apiserver.crt',
    );
    const { status, stdout } = run(`cd ${dir}\n${block}`);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.options.certificateWarningDays).toBe(60);
    expect(report.options.asOf).toMatch(/^2026-06-01T00:00:00/);
    expect(report.inputs.map((input) => input.file)).toContain('/etc/kubernetes/pki/apiserver.crt');
    expect(stdout).not.toContain('PRIVATE KEY');
  });

  it('every format of the formats block, and its failOn gate', () => {
    const block = CURL_BLOCKS.find((b) => b.includes('FILES=('))!;
    const { status, stdout } = run(block);
    expect(status).toBe(22);
    const dir = join(work, 'examples/kubeadm-control-plane');
    const sarif = JSON.parse(readFileSync(join(dir, 'kube-comms-lint.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toHaveLength(6);
    expect(readFileSync(join(dir, 'kube-comms-lint.xml'), 'utf8')).toMatch(/^<\?xml[^>]*>\n<testsuites /);
    expect(readFileSync(join(dir, 'comment.md'), 'utf8')).toContain('| ');
    expect(existsSync(join(dir, 'comment.md'))).toBe(true);
    // text, text in colour, compact text and the gate: each says it failed.
    expect(stdout.match(/failed: 6 findings \(3 high, 1 medium, 2 info\)/g)?.length).toBe(4);
    expect(stdout).toContain('\u001b[');
    expect(stdout).toMatch(/^\/etc\/kubernetes\/manifests\/kube-apiserver\.yaml:14:5 high /m);
  });
});
