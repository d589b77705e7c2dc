/// <reference types="vite/client" />
/**
 * The web form's endpoints through workerd, without a browser: GET / (the form), POST /report (the
 * server-rendered report), POST /report/download, and the two same-origin assets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import apiserver from '../../../examples/kubeadm-control-plane/etc/kubernetes/manifests/kube-apiserver.yaml?raw';
import kubeletConf from '../../../examples/kubeadm-control-plane/etc/kubernetes/kubelet.conf?raw';
import kubeletConfig from '../../../examples/kubeadm-control-plane/var/lib/kubelet/config.yaml?raw';
import kubeletFlags from '../../../examples/kubeadm-control-plane/var/lib/kubelet/kubeadm-flags.env?raw';
import { kubeconfig } from '../../support/fixtures';
import { call } from '../../support/http';
import { kubeadm } from '../../support/pki-uploads';
import { LintForm } from '../../../src/ui/page';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06bm9kZTp3b3JrZXItMSJ9.c2lnbmF0dXJlLXNlY3JldA';
const EXAMPLE = [
  { name: '/etc/kubernetes/manifests/kube-apiserver.yaml', content: apiserver },
  { name: '/etc/kubernetes/kubelet.conf', content: kubeletConf },
  { name: '/var/lib/kubelet/config.yaml', content: kubeletConfig },
  { name: '/var/lib/kubelet/kubeadm-flags.env', content: kubeletFlags },
];

/** The multipart body a browser sends for the form: every field, empty ones too. */
function browserForm(
  files: Array<{ name: string; content: string }>,
  fields: {
    content?: string;
    network?: string;
    kubernetesVersion?: string;
    asOf?: string;
    certificateWarningDays?: string;
  } = {},
): FormData {
  const form = new FormData();
  if (files.length === 0) form.append('file', new File([], ''), '');
  for (const file of files) form.append('file', new File([file.content], file.name));
  form.append('content', fields.content ?? '');
  form.append('network', fields.network ?? 'untrusted');
  form.append('kubernetesVersion', fields.kubernetesVersion ?? '');
  form.append('asOf', fields.asOf ?? '');
  form.append('certificateWarningDays', fields.certificateWarningDays ?? '');
  return form;
}

const post = (form: FormData) => call('/report', { method: 'POST', body: form });

function expectPageHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toBe(CSP);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('cache-control')).toBe('no-store');
}

// The first request loads the whole Worker into workerd; on a busy machine that alone can take seconds.
beforeAll(async () => {
  await call('/healthz');
}, 30_000);

describe('GET /', () => {
  it('serves the form as HTML with a strict Content-Security-Policy', async () => {
    const res = await call('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectPageHeaders(res);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain(
      '<form id="lint-form" class="lint" method="post" action="/report" enctype="multipart/form-data" data-max-bytes=',
    );
    expect(html).toContain('<input type="file" id="files" name="file" multiple=""');
    expect(html).toContain('<textarea id="content" name="content"');
    expect(html).toContain('name="network" value="trusted"');
    expect(html).toContain('name="kubernetesVersion"');
    // Nothing the CSP would block: no inline script or style, no other origin loaded.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc="\/ui\/app\.js")/);
    expect(html).not.toMatch(/\sstyle="|<style/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!kubernetes\.io\/)/);
  });

  it('serves its stylesheet and script from the same origin', async () => {
    const css = await call('/ui/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('max-age=');
    const js = await call('/ui/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toContain("getElementById('lint-form')");
  });
});

describe('POST /report', () => {
  it('renders the report: every path with its verdict, the findings, and the picture', async () => {
    const res = await post(browserForm(EXAMPLE));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectPageHeaders(res);
    const html = await res.text();
    for (const path of ['apiserver-to-kubelet', 'apiserver-to-nodes-pods-services']) {
      expect(html).toContain(`data-path="${path}" data-verdict="insecure"`);
    }
    expect(html).toContain('data-path="ssh-tunnels" data-verdict="not-configured"');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    for (const ruleId of [
      'apiserver-kubelet-certificate-authority-missing',
      'kubelet-serving-cert-self-signed',
      'proxy-traffic-unprotected',
    ]) {
      expect(html).toContain(`<code>${ruleId}</code>`);
    }
    expect(html).toContain('/etc/kubernetes/manifests/kube-apiserver.yaml:14:5');
    expect(html).toContain('Not assessed');
    expect(html).toContain('Download SARIF');
  });

  it("shows per path whether its certificates were verified, at the form's asOf", async () => {
    const withCertificates = await (
      await post(browserForm(kubeadm(), { asOf: '2026-06-01T00:00:00Z', certificateWarningDays: '45' }))
    ).text();
    expect(withCertificates).toContain(
      'data-path="apiserver-to-kubelet" data-verdict="secure" data-basis="certificates"',
    );
    expect(withCertificates).toContain(
      'data-path="node-to-control-plane" data-verdict="insecure" data-basis="certificates"',
    );
    expect(withCertificates).toContain('<span class="basis b-certificates">certificates verified</span>');
    expect(withCertificates).toContain(
      'certificates judged at 2026-06-01T00:00:00.000Z (warning 45 days before expiry)',
    );
    const flagsOnly = await (await post(browserForm(EXAMPLE))).text();
    expect(flagsOnly).toContain(
      'data-path="apiserver-to-kubelet" data-verdict="insecure" data-basis="flags"',
    );
    expect(flagsOnly).toContain('>flags only</text>');
  });

  it('keeps the page with its assets under 60 KB', async () => {
    const page = await (await post(browserForm(EXAMPLE))).arrayBuffer();
    const css = await (await call('/ui/app.css')).arrayBuffer();
    const js = await (await call('/ui/app.js')).arrayBuffer();
    expect(page.byteLength + css.byteLength + js.byteLength).toBeLessThan(60 * 1024);
  });

  it('takes pasted YAML and the options, and never echoes an uploaded secret or the textarea', async () => {
    const pasted = `# pasted-marker-8d1f\n${kubeconfig(
      'server: https://10.0.0.10:6443\ninsecure-skip-tls-verify: true',
      `token: ${TOKEN}`,
      'system:node:worker-1',
    )}`;
    const res = await post(
      browserForm([], { content: pasted, network: 'trusted', kubernetesVersion: 'v1.30.2' }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('kubeconfig-insecure-skip-tls-verify');
    expect(html).toContain('Kubernetes 1.30');
    expect(html).toContain('trusted network');
    expect(html).not.toContain(TOKEN);
    expect(html).not.toContain(TOKEN.slice(0, 24));
    expect(html).not.toContain('pasted-marker-8d1f'); // the pasted text itself
    expect(html).toMatch(/<textarea id="content" name="content"[^>]*><\/textarea>/);
  });

  it('answers an empty form with a readable 400 page', async () => {
    const res = await post(browserForm([]));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectPageHeaders(res);
    const html = await res.text();
    expect(html).toContain('<h2 id="report-title" tabindex="-1">Nothing to lint</h2>');
    expect(html).toContain('role="alert"');
    expect(html).toContain('id="lint-form"'); // the form again, to try once more
  });

  it('answers files with no Kubernetes configuration with a 400 page naming each file and why', async () => {
    const res = await post(
      browserForm([
        { name: 'notes.yaml', content: `password: ${TOKEN}\nitems: [1, 2\n` },
        { name: 'configmap.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' },
      ]),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('No Kubernetes configuration recognized');
    expect(html).toContain('<code>notes.yaml</code>');
    expect(html).toContain('<code>configmap.yaml</code>');
    expect(html).not.toContain(TOKEN);
  });

  it('answers a bad option with a 400 page, and a body that is not a form with 415', async () => {
    const bad = await post(browserForm(EXAMPLE, { kubernetesVersion: 'latest' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Option kubernetesVersion');
    const yaml = await call('/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml' },
      body: apiserver,
    });
    expect(yaml.status).toBe(415);
    expect(yaml.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await yaml.text()).not.toContain('kube-apiserver:v1.31');
  });

  it('sends a GET of /report back to the form', async () => {
    const res = await call('/report', { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });
});

describe('POST /report/download', () => {
  async function reportJson(): Promise<string> {
    const html = await (await post(browserForm(EXAMPLE))).text();
    const match = /<textarea name="report"[^>]*>([^<]*)<\/textarea>/.exec(html);
    expect(match).not.toBeNull();
    return (match?.[1] ?? '').replace(/&amp;/g, '&');
  }
  const download = (fields: Record<string, string>) =>
    call('/report/download', { method: 'POST', body: new URLSearchParams(fields) });

  it('gives the report embedded in the page back as JSON, SARIF and SVG files', async () => {
    const report = await reportJson();
    const json = await download({ report, format: 'json' });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(
      'attachment; filename="kube-comms-lint-report.json"',
    );
    expect((await json.json<{ findings: unknown[] }>()).findings.length).toBeGreaterThanOrEqual(3);

    const sarif = await download({ report, format: 'sarif' });
    expect(sarif.status).toBe(200);
    expect(sarif.headers.get('content-type')).toBe('application/sarif+json');
    expect((await sarif.json<{ version: string }>()).version).toBe('2.1.0');

    const svg = await download({ report, format: 'svg' });
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toBe(CSP);
    expect(await svg.text()).toContain('data-path="konnectivity"');
  });

  it("gives back the API's report as JSON, though the page embeds it without the rules' own fields", async () => {
    const asOf = '2026-06-01T00:00:00Z';
    const html = await (await post(browserForm(EXAMPLE, { asOf }))).text();
    const embedded = (/<textarea name="report"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '').replace(
      /&amp;/g,
      '&',
    );
    expect(embedded).not.toContain('"remediation"');
    const downloaded = await (await download({ report: embedded, format: 'json' })).json();
    const api = new FormData();
    for (const file of EXAMPLE) api.append('file', new File([file.content], file.name));
    const answer = await call(`/v1/lint?asOf=${asOf}`, { method: 'POST', body: api });
    expect(downloaded).toEqual(await answer.json());
  });

  it('embeds a report whose text holds & and < as text the textarea gives back whole', async () => {
    const name = '/etc/kubernetes/manifests/a&amp;b<c>&lt;.yaml';
    const html = await (await post(browserForm([{ name, content: apiserver }]))).text();
    const embedded = /<textarea name="report"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '';
    const text = embedded.replace(/&lt;/g, '<').replace(/&amp;/g, '&');
    expect((JSON.parse(text) as { inputs: Array<{ file: string }> }).inputs[0]?.file).toBe(name);
  });

  it('answers a missing or invalid report, or an unknown format, with a 400 page', async () => {
    expect((await download({ format: 'json' })).status).toBe(400);
    expect((await download({ report: '{"not":"a report"}', format: 'json' })).status).toBe(400);
    const report = await reportJson();
    // Names an object has by inheritance are no formats either (a 500 before: a plain-object lookup).
    for (const format of ['pdf', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const unknown = await download({ report, format });
      expect(unknown.status, format).toBe(400);
      expect(await unknown.text()).toContain('There is no download in that format');
    }
  });
});

describe('format=svg on the API', () => {
  it('answers POST /v1/lint with the topology picture, by option or by Accept', async () => {
    const form = () => {
      const body = new FormData();
      for (const file of EXAMPLE) body.append('file', new File([file.content], file.name));
      return body;
    };
    const byOption = await call('/v1/lint?format=svg', { method: 'POST', body: form() });
    expect(byOption.status).toBe(200);
    expect(byOption.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await byOption.text();
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).toContain('data-path="apiserver-to-kubelet" data-verdict="insecure"');
    expect(svg).toContain('API server to kubelet: <tspan'); // the key under the picture
    const byAccept = await call('/v1/lint', {
      method: 'POST',
      body: form(),
      headers: { Accept: 'image/svg+xml' },
    });
    expect(byAccept.headers.get('content-type')).toBe('image/svg+xml');
  });
});

describe('the report page says what to fix first', () => {
  let html = '';
  beforeAll(async () => {
    const files = [...EXAMPLE, { name: 'broken.yaml', content: 'kind: [unclosed\n' }];
    html = await (await post(browserForm(files))).text();
  });

  it('lists every finding by severity, the worst on top, before the paths', () => {
    const severities = [...html.matchAll(/<article class="finding s-(\w+)"/g)].map((m) => m[1]);
    // The kubeadm example: a medium on the first path, three highs on later ones, and deprecated kubelet flags (info).
    expect(severities).toEqual(['high', 'high', 'high', 'medium', 'info', 'info']);
    expect(html.indexOf('Fix first (6 findings, worst on top)')).toBeLessThan(
      html.indexOf('id="paths-title"'),
    );
  });

  it('shows a file that failed to parse beside the summary, with its place', () => {
    const summary = html.slice(html.indexOf('<div class="summary'), html.indexOf('<form class="downloads"'));
    expect(summary).toContain('1 file could not be read, and was not linted:');
    expect(summary).toMatch(/<code>broken\.yaml:\d+:\d+<\/code> /);
  });

  it('keeps rules outside the Kubernetes version apart from rules missing an input', () => {
    const missing = html.slice(html.indexOf('id="missing-inputs"'), html.indexOf('id="not-applicable"'));
    const notApplicable = html.slice(html.indexOf('id="not-applicable"'), html.indexOf('id="inputs-title"'));
    expect(missing).toContain('Upload these to judge more');
    expect(notApplicable).toContain('Not applicable to this Kubernetes version (4 rules)');
    for (const id of ['apiserver-kubelet-https-disabled', 'apiserver-basic-auth-file']) {
      expect(notApplicable).toContain(`<code>${id}</code>`);
      expect(missing).not.toContain(`<code>${id}</code>`);
    }
    expect(notApplicable).toContain('the cluster runs 1.31');
  });
});

describe('the form says its limits in human units', () => {
  it('names them on the page and hands the body limit to the script', async () => {
    const html = await (await call('/')).text();
    expect(html).toContain('Up to 200 files and 5 MiB in all.');
    expect(html).toContain('data-max-bytes="5242880" data-max-label="5 MiB"');
  });

  it('answers an upload over the body limit in MiB', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024 + 1);
    const res = await post(browserForm([{ name: 'big.yaml', content: big }]));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('The body is larger than 5 MiB (limit maxBodyBytes).');
  });
});

describe('the form is rendered once per deployment', () => {
  it('hands out the same HTML for the same props, and its own for every other limit or heading', () => {
    const first = LintForm({ again: true, maxBytes: 5242880 });
    expect(LintForm({ again: true, maxBytes: 5242880 })).toBe(first);
    expect(String(first)).toContain('Lint other files');
    expect(String(LintForm({ maxBytes: 5242880 }))).toContain('Lint your configuration');
    // Past the few limits it keeps, a form is still rendered for its own limit.
    for (const maxBytes of [1024, 2048, 3072, 4096, 5120]) {
      const html = String(LintForm({ maxBytes }));
      expect(html).toContain(`data-max-bytes="${maxBytes}"`);
      expect(html).toContain(`${maxBytes / 1024} KiB in all.`);
    }
  });
});
