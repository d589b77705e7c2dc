/**
 * The web form in a real browser: Debian's headless Chromium, driven by playwright-core, against
 * `wrangler dev`. A person drops the kubeadm example files of a node, sees the picture and the findings,
 * and downloads the report; the same works on a phone without JavaScript. Screenshots of the form and
 * the result, at desktop and phone widths, are saved in test-results/browser/ as artifacts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DROP_FILES, FOCUSED, OVERFLOW, PAGE_BYTES, inPage } from './in-page';
import { artifact, exampleFiles, openBrowser, startWrangler, type Server } from './support';

const FINDINGS = [
  'apiserver-kubelet-certificate-authority-missing',
  'kubelet-serving-cert-self-signed',
  'proxy-traffic-unprotected',
];
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06bm9kZTp3b3JrZXItOSJ9.c2VjcmV0LXNpZ25hdHVyZQ';
const PASTED_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: k
  cluster:
    server: https://10.0.0.10:6443
    insecure-skip-tls-verify: true
users:
- name: system:node:worker-9
  user:
    token: ${TOKEN}
contexts:
- name: k
  context: {cluster: k, user: system:node:worker-9}
current-context: k
`;

let server: Server | undefined;
/** The Worker under test, once beforeAll has started it. */
const base = () => server?.base ?? 'http://127.0.0.1:0';
beforeAll(async () => {
  server = await startWrangler();
});
afterAll(async () => {
  await server?.stop();
});

/** Every URL the browser asks for, and every console error (a CSP violation shows up there). */
function watch(context: BrowserContext) {
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  context.on('weberror', (error) => errors.push(String(error.error())));
  return {
    errors,
    /** Requests to any origin but the Worker's (data: URLs stay in the page). */
    foreign: () => requests.filter((url) => !url.startsWith(`${base()}/`) && !url.startsWith('data:')),
    requests,
  };
}

async function verdicts(page: Page): Promise<Record<string, string | null>> {
  interface Group {
    getAttribute(name: string): string | null;
  }
  return page.$$eval('#report svg g[data-path]', (groups: Group[]) =>
    Object.fromEntries(groups.map((g) => [g.getAttribute('data-path'), g.getAttribute('data-verdict')])),
  );
}

describe('the web form in Chromium', () => {
  it("on a desktop with JavaScript: drop a node's files, see the paths and findings, download SARIF and JSON", async () => {
    const { context, close } = await openBrowser({ viewport: { width: 1280, height: 900 } });
    const seen = watch(context);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${base()}/`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('kube-comms-lint');
      await page.screenshot({ path: artifact('form-desktop.png'), fullPage: true });

      // Every control has a name a screen reader reads out.
      await expect(page.getByLabel('Configuration files').count()).resolves.toBe(1);
      await expect(page.getByLabel('Or paste YAML or JSON').count()).resolves.toBe(1);
      await expect(page.getByLabel('Kubernetes version').count()).resolves.toBe(1);
      await expect(page.getByRole('radio', { name: /Untrusted/ }).isChecked()).resolves.toBe(true);

      // Keyboard: the skip link first, then every control in order, each with a visible focus ring.
      await page.keyboard.press('Tab');
      await expect(inPage<{ text: string }>(page, FOCUSED)).resolves.toMatchObject({
        text: 'Skip to content',
      });
      const visited: string[] = [];
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        const focused = await inPage<{ id: string; text: string; outline: string }>(page, FOCUSED);
        visited.push(focused.id || focused.text || '');
        if (focused.text === 'Lint') {
          expect(focused.outline).toBe('solid');
          break;
        }
      }
      expect(visited).toEqual(expect.arrayContaining(['files', 'content', 'version', 'Lint']));

      // Drop the files onto the page, each named with its path on the node.
      const files = exampleFiles().map(({ name, content }) => ({ name, content }));
      await inPage(page, DROP_FILES, files);
      await expect(page.locator('#file-list li').count()).resolves.toBe(files.length);
      await expect(page.locator('#file-list').textContent()).resolves.toContain(
        '/etc/kubernetes/manifests/kube-apiserver.yaml',
      );
      await expect(page.locator('#form-status').textContent()).resolves.toBe('6 files chosen');

      await page.getByRole('button', { name: 'Lint', exact: true }).click();
      await page.locator('#report svg').waitFor({ state: 'visible' });
      expect(new URL(page.url()).pathname).toBe('/'); // stayed on the page
      await expect(inPage<{ id: string }>(page, FOCUSED)).resolves.toMatchObject({ id: 'report-title' });

      // node-to-control-plane depends on rules still being added; the other four are what kubeadm has.
      expect(await verdicts(page)).toMatchObject({
        'apiserver-to-kubelet': 'insecure',
        'apiserver-to-nodes-pods-services': 'insecure',
        'ssh-tunnels': 'not-configured',
        konnectivity: 'not-configured',
      });
      const svgText = await page.locator('#report svg').textContent();
      expect(svgText).toContain('insecure'); // labelled in text, not by colour alone
      const report = await page.locator('#report').innerText();
      for (const ruleId of FINDINGS) expect(report).toContain(ruleId);
      expect(report).toContain('/etc/kubernetes/manifests/kube-apiserver.yaml:14:5');
      expect(report).toContain('Fix:');
      expect(report).toContain('Not assessed');
      expect(report).toContain('Inputs as read');
      await page.screenshot({ path: artifact('result-desktop.png'), fullPage: true });

      const [sarifDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download SARIF' }).click(),
      ]);
      expect(sarifDownload.suggestedFilename()).toBe('kube-comms-lint-report.sarif');
      await sarifDownload.saveAs(artifact('report.sarif'));
      const sarif = JSON.parse(readFileSync(artifact('report.sarif'), 'utf8')) as {
        version: string;
        runs: Array<{
          results: Array<{
            ruleId: string;
            locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
          }>;
        }>;
      };
      expect(sarif.version).toBe('2.1.0');
      const results = sarif.runs[0]?.results ?? [];
      expect(results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(FINDINGS));
      expect(results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toContain(
        'etc/kubernetes/manifests/kube-apiserver.yaml',
      );

      const [jsonDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download JSON' }).click(),
      ]);
      await jsonDownload.saveAs(artifact('report.json'));
      const json = JSON.parse(readFileSync(artifact('report.json'), 'utf8')) as {
        findings: Array<{ ruleId: string }>;
      };
      expect(json.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(FINDINGS));

      // Fix first: the worst finding opens the report.
      await expect(page.locator('#report article.finding').first().getAttribute('class')).resolves.toBe(
        'finding s-high',
      );
      // Over the body limit: said at once, in MiB, and nothing is uploaded.
      const posts = () => seen.requests.filter((url) => url === `${base()}/report`).length;
      const before = posts();
      await inPage(page, DROP_FILES, [{ name: '/var/log/big.yaml', content: 'x'.repeat(5 * 1024 * 1024) }]);
      await page.getByRole('button', { name: 'Lint', exact: true }).click();
      await expect(page.locator('#form-status').textContent()).resolves.toMatch(
        /^These files are 5\.\d MiB in all, over the limit of 5 MiB/,
      );
      expect(posts()).toBe(before);

      expect(seen.foreign()).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('on a phone without JavaScript: choose the files, post the form, read the server-rendered report', async () => {
    const { context, close } = await openBrowser({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
    });
    const seen = watch(context);
    try {
      const page = await context.newPage();
      await page.goto(`${base()}/`);
      await page.screenshot({ path: artifact('form-phone.png'), fullPage: true });

      // An empty form is a readable 400 page, not an error dump.
      const [empty] = await Promise.all([
        page.waitForResponse(`${base()}/report`),
        page.getByRole('button', { name: 'Lint', exact: true }).click(),
      ]);
      expect(empty.status()).toBe(400);
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'Choose one or more configuration files',
      );

      await page.setInputFiles(
        '#files',
        exampleFiles().map((file) => file.path),
      );
      await page.getByLabel('Or paste YAML or JSON').fill(PASTED_KUBECONFIG);
      const [posted] = await Promise.all([
        page.waitForResponse(`${base()}/report`),
        page.getByRole('button', { name: 'Lint', exact: true }).click(),
      ]);
      expect(posted.status()).toBe(200);
      await page.locator('#report svg').waitFor({ state: 'visible' });
      expect(new URL(page.url()).pathname).toBe('/report');

      const report = await page.locator('#report').innerText();
      for (const ruleId of FINDINGS) expect(report).toContain(ruleId);
      expect(report).toContain('kubeconfig-insecure-skip-tls-verify'); // from the pasted kubeconfig
      expect(await verdicts(page)).toMatchObject({ 'apiserver-to-kubelet': 'insecure' });

      // The secret is in no part of the page, and the textarea comes back empty.
      expect(await page.content()).not.toContain(TOKEN);
      await expect(page.getByLabel('Or paste YAML or JSON').inputValue()).resolves.toBe('');

      // Readable on a phone: nothing but the picture's own scroller is wider than the screen.
      const overflow = await inPage<number>(page, OVERFLOW);
      expect(overflow).toBeLessThanOrEqual(0);

      // Page weight: the HTML and every resource it loaded.
      const bytes = await inPage<number>(page, PAGE_BYTES);
      writeFileSync(
        artifact('page-weight.txt'),
        `result page with its stylesheet and script: ${bytes} bytes\n`,
      );
      expect(bytes).toBeGreaterThan(10_000);
      expect(bytes).toBeLessThan(60 * 1024);
      await page.screenshot({ path: artifact('result-phone.png'), fullPage: true });

      // Downloads are plain form posts too.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download JSON' }).click(),
      ]);
      const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        findings: Array<{ ruleId: string }>;
      };
      expect(json.findings.map((f) => f.ruleId)).toEqual(
        expect.arrayContaining([...FINDINGS, 'kubeconfig-insecure-skip-tls-verify']),
      );

      expect(seen.foreign()).toEqual([]);
      expect(seen.errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    } finally {
      await close();
    }
  });
});
