/**
 * The Worker exactly as wrangler bundles it (`wrangler deploy --dry-run`): its size, and that it starts
 * and answers on every route. wrangler.toml's [alias] (@hono/zod-openapi → src/vendor/zod-openapi.ts, the
 * schemas' `z` on zod/mini) applies only in that bundle, so a method the schemas use but the shim lacks
 * would fail only in the deployed Worker: this test is where it fails instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withExampleReport } from '../../src/routes/api-document';
import { describeApi } from '../../src/routes/description';
import { exampleReport } from '../../src/routes/examples';
import { CERTIFICATE_EXAMPLES } from '../../src/rules/support/example-certificates';

const repo = new URL('../../', import.meta.url).pathname;
/**
 * A ceiling on the minified bundle, gzip -9 (bytes), so that growth is noticed. Issue 16's target is
 * 150,000 bytes and is not met since the flag tables (issue 14) and certificates (issue 15) landed:
 * `npm run bench` prints the target and the figure (200,699 bytes by Node's zlib at this ceiling's last
 * change, after the rules' examples and the OpenAPI generator left the bundle; raised by 500 for
 * src/ingest/alias-charges.ts, 460 bytes that refuse an alias bomb before it is built; by 2,000 for
 * src/ingest/block-yaml.ts, 2,102 bytes that take 17-32% off a lint's CPU; by 800 for
 * src/ingest/go-yaml-scalars.ts, 770 bytes that read numbers as Kubernetes does where js-yaml's YAML 1.1
 * schema did not; by 200 for src/http/read-body.ts's drain, 190 bytes that keep `wrangler dev` answering
 * after a body it refused; by 300 for the flag facts judged once per program and version of an upload
 * (src/rules/support/programs.ts) and the first-character table of go-yaml-scalars.ts, 283 bytes that
 * take a quarter off the rules' CPU on pods). Lowered to 192,500 when the Worker's schemas moved to
 * zod/mini (src/vendor/zod-openapi.ts): 192,297 bytes, 16,489 fewer). Raised to 194,000 for
 * src/http/byte-search.ts (a hostile multipart body no longer costs 1.4 s), the trust checks, kubeconfig
 * index and dialed hosts that keep thousands of pods and kubeconfigs from a check per pair (a 500 from
 * 250 of each before), and runRules' listing of findings (only the listed ones completed): 1,272 bytes
 * together, 193,633. Raised to 195,000 for src/rules/support/named-few.ts and the Konnectivity, serving-name
 * and kubelet-serving rules' one finding per certificate or kubelet (a 44.7 s, 55 MB answer from 3,949
 * certificates and names before; 2.6 s, 1.96 MB after): 932 bytes, 194,516. Raised to 195,500 for the
 * drop-ins looked up once per node and roles' bindings once per name (21.5 s and 3.6 s before for 1,600
 * of each; 3.2 s and 0.46 s after): 510 bytes, 195,026. Raised to 197,000 for the bounded "did you
 * mean" search (src/model/flag-facts/closest.ts), a program's findings of one rule kept to the listed
 * hundred (src/rules/support/programs.ts), config fields quoted once, the token-mismatch rule's one
 * finding per agent and the egress pairing cap (src/model/konnectivity-pairing.ts): 8,000 unknown
 * flags took 49.9 s, 8,000 unknown kubelet feature gates 22.9 s and 1.5 GB, 400 servers and agents
 * 3.1 s and 161,200 findings; 0.36 s, 0.31 s and 0.25 s after. 1,706 bytes, 196,732. Raised to
 * 197,500 for LIMITS.maxCommandLineWords, charged by every reader of command-line words, and values of
 * environment files copied in runs (in Node, a 5 MiB kubelet flags file took 9.6 s and over 512 MB of
 * heap, a unit repeating one variable aborted the process, 291,043 flags in one pod took 1.9 s and
 * 193 MB; 0.13 s, 0.07 s and 0.17 s after, each within 43 MB): 475 bytes, 197,207.
 */
const MAX_GZIP_BYTES = 197_500;

interface Worker {
  fetch: (request: Request, env: unknown, ctx: unknown) => Promise<Response>;
}

const out = mkdtempSync(join(tmpdir(), 'kcl-bundle-'));
let bundle: Buffer;
let worker: Worker;

beforeAll(async () => {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], {
    cwd: repo,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    stdio: 'ignore',
  });
  bundle = readFileSync(join(out, 'index.js'));
  worker = ((await import(pathToFileURL(join(out, 'index.js')).href)) as { default: Worker }).default;
}, 180_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('the Worker bundle', () => {
  it(`is minified and at most ${MAX_GZIP_BYTES} bytes gzipped`, () => {
    // Minified: statements on indented lines of their own are left only in the texts the bundle carries
    // (the page's inline script); unminified there are tens of thousands.
    const indentedStatements = bundle.toString('utf8').match(/^\s+(const|let|return|function|if) /gm) ?? [];
    expect(indentedStatements.length).toBeLessThan(500);
    expect(gzipSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it("carries none of the rules' examples (only docs/rules.md and the tests load them)", () => {
    const text = bundle.toString('utf8');
    // What the example builders write (src/rules/support/examples.ts), and the example certificates.
    expect(text).not.toContain('image: registry.k8s.io/');
    const certificateLines = Object.values(CERTIFICATE_EXAMPLES)
      .flatMap((example) => example.files)
      .flatMap((file) => file.content.split('\n').filter((line) => /^[A-Za-z0-9+/]{64}$/.test(line)));
    expect(certificateLines.length).toBeGreaterThan(0);
    expect(certificateLines.filter((line) => text.includes(line))).toEqual([]);
  });

  it('starts and answers every route', async () => {
    const ignore = (): void => undefined;
    const ctx = { waitUntil: ignore, passThroughOnException: ignore };
    const call = (path: string, init?: RequestInit) =>
      worker.fetch(new Request(`http://x${path}`, init), {}, ctx);
    for (const path of [
      '/healthz',
      '/v1/rules',
      '/v1/paths',
      '/openapi.json',
      '/openapi.yaml',
      '/docs',
      '/',
    ]) {
      expect((await call(path)).status, path).toBe(200);
    }
    // The OpenAPI document it serves is the one generated from the schemas, and openapi.yaml's text.
    expect(await (await call('/openapi.json')).json()).toEqual(
      withExampleReport(describeApi(), await exampleReport()),
    );
    expect(await (await call('/openapi.yaml')).text()).toBe(readFileSync(join(repo, 'openapi.yaml'), 'utf8'));
    const linted = await call('/v1/lint?network=trusted', {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml' },
      body: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
    });
    expect(linted.status).toBe(200);
    const report: { summary: { findings: number } } = await linted.json();
    expect(report.summary.findings).toBeGreaterThan(0);
    const invalid = await call('/v1/lint?network=bogus', { method: 'POST', body: 'a: 1' });
    expect(invalid.status).toBe(400);
    const problem: { type: string } = await invalid.json();
    expect(problem.type).toContain('invalid-option');
  });
});
