/**
 * What the browser tests need: `wrangler dev` started and stopped by the test itself, and Debian's
 * Chromium (never a downloaded browser) in a fresh profile, with everything that would reach out to the
 * network switched off: this machine's network is closed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url).href);
/** 8791, or KCL_BROWSER_PORT when several people run the suite on one machine. */
export const PORT = Number(process.env.KCL_BROWSER_PORT ?? 8791);
export const BASE = `http://127.0.0.1:${PORT}`;
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
  stop(): Promise<void>;
  output(): string;
}

/** `npx wrangler dev --port 8791`, ready once /healthz answers (at most 60 s). */
export async function startWrangler(): Promise<Server> {
  if (await healthy()) throw new Error(`something already listens on ${BASE}; stop it first`);
  let log = '';
  const child: ChildProcess = spawn('npx', ['wrangler', 'dev', '--port', String(PORT), '--ip', '127.0.0.1'], {
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
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log}`);
    if (await healthy()) return { stop, output: () => log };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`wrangler dev did not answer ${BASE}/healthz within 60 s:\n${log}`);
}

async function healthy(): Promise<boolean> {
  try {
    const res = await fetch(`${BASE}/healthz`, { signal: AbortSignal.timeout(2_000) });
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
