/**
 * What the browser tests need: `wrangler dev` started and stopped by the test itself, and Debian's
 * Chromium (never a downloaded browser) in a fresh profile, with everything that would reach out to the
 * network switched off: this machine's network is closed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url).href);
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots and downloads: test-results/ is ignored by git, kept by CI as artifacts. */
export const ARTIFACTS = join(ROOT, 'test-results', 'browser');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Server {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  base: string;
  stop(): Promise<void>;
  output(): string;
}

/** A loopback port nothing listens on now (the OS picks it), so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** `npx wrangler dev` on a free port, ready once /healthz answers (at most 90 s on a busy machine). */
export async function startWrangler(): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn('npx', ['wrangler', 'dev', '--port', String(port), '--ip', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
    detached: true, // its own process group, so stop() ends wrangler and the workerd it starts
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000));
    if ((await Promise.race([exited.then(() => 'exited'), timeout])) !== 'exited') {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log}`);
    if (await healthy(base)) return { base, stop, output: () => log };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`wrangler dev did not answer ${base}/healthz within 90 s:\n${log}`);
}

async function healthy(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** A browser context in a fresh profile directory, removed again by close(). */
export async function openBrowser(
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'kcl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The kubeadm example as on the node: its path there (leading `/`) and its content. */
export function exampleFiles(): Array<{ name: string; path: string; content: string }> {
  const dir = join(ROOT, 'examples', 'kubeadm-control-plane');
  return [
    'etc/kubernetes/manifests/kube-apiserver.yaml',
    'etc/kubernetes/manifests/kube-controller-manager.yaml',
    'etc/kubernetes/manifests/kube-scheduler.yaml',
    'etc/kubernetes/kubelet.conf',
    'var/lib/kubelet/config.yaml',
    'var/lib/kubelet/kubeadm-flags.env',
  ].map((file) => ({
    name: `/${file}`,
    path: join(dir, file),
    content: readFileSync(join(dir, file), 'utf8'),
  }));
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export const shown = (path: string) => relative(ROOT, path);
