/**
 * vitest globalSetup: makes the test PKIs once per run with the openssl CLI (test/support/make-pki.sh,
 * an implementation independent of the one that reads them), reads the certificates, deletes the
 * directory with the keys, and provides only the certificates' PEM text, by file name, to the tests
 * (`inject('pki')`), in workerd and in Node alike. No key leaves this function.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PEM certificates by name (apiserver, kubelet-serving-other-ca, …); see test/support/make-pki.sh. */
    pki: Record<string, string>;
  }
}

const SCRIPT = new URL('./make-pki.sh', import.meta.url).pathname;

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kcl-pki-'));
  try {
    try {
      execFileSync('sh', [SCRIPT, dir, 'rsa'], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      throw new Error(
        `make-pki.sh failed (is openssl installed? sh scripts/ensure-package.sh openssl /usr/bin/openssl 'the test PKIs'): ${String(error)}`,
        { cause: error },
      );
    }
    const pems = Object.fromEntries(
      readdirSync(dir)
        .filter((name) => name.endsWith('.crt'))
        .map((name) => [name.slice(0, -'.crt'.length), readFileSync(join(dir, name), 'utf8')]),
    );
    project.provide('pki', pems);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
