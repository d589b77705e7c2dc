/**
 * No secret from an upload comes back, in any format or on any error path (issue 12). Every run plants
 * fresh random canaries — a URL password in a kubeconfig server and an egress selector's tcp.url, a
 * token, a password, a private key generated now, an alias and tag handles a parse error would quote, a
 * `token=` file name — and checks every answer: the six API formats, 422 (failOn), 400 (nothing recognized, parse
 * errors only), 413 (a limit), the form's page, its error page and its downloads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/schemas/lint-request';
import { call } from '../../support/http';

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}
const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const canary = (label: string) => `kcl${label}${randomHex(10)}`;
const SERVER_PASSWORD = canary('srv');
const EGRESS_PASSWORD = canary('egr');
const USER_PASSWORD = canary('pwd');
const ALIAS = canary('ali');
const TAG_HANDLE = canary('tag');
const TAG_NAME = canary('tnm');
const NAME_TOKEN = canary('fil');
const TOKEN = `eyJ${base64url(`{"alg":"RS256","kid":"${canary('kid')}"}`).slice(3)}.${base64url(`{"sub":"${canary('sub')}"}`)}.${base64url(randomHex(32))}`;
let keyData = '';

/** Every secret planted, as it would appear if echoed. */
const secrets = () => [
  SERVER_PASSWORD,
  EGRESS_PASSWORD,
  USER_PASSWORD,
  ALIAS,
  TAG_HANDLE,
  TAG_NAME,
  NAME_TOKEN,
  TOKEN,
  keyData.slice(0, 40),
];

beforeAll(async () => {
  // A private key made for this run only: none is ever committed.
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
  const pem = `-----BEGIN PRIVATE KEY-----\n${btoa(String.fromCharCode(...pkcs8))}\n-----END PRIVATE KEY-----\n`;
  keyData = btoa(pem);
});

const kubeconfig = () =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubernetes',
    '  cluster:',
    `    server: http://admin:${SERVER_PASSWORD}@10.0.0.10:6443`,
    'users:',
    '- name: system:node:worker-1',
    '  user:',
    `    token: ${TOKEN}`,
    `    password: ${USER_PASSWORD}`,
    `    client-key-data: ${keyData}`,
    'contexts:',
    '- name: default',
    '  context: {cluster: kubernetes, user: "system:node:worker-1"}',
    'current-context: default',
    '',
  ].join('\n');

const apiserver = () =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: kube-apiserver, namespace: kube-system}',
    'spec:',
    '  containers:',
    '  - name: kube-apiserver',
    '    image: registry.k8s.io/kube-apiserver:v1.31.2',
    '    command:',
    '    - kube-apiserver',
    '    - --egress-selector-config-file=/etc/kubernetes/egress.yaml',
    `    - --etcd-servers=https://root:${SERVER_PASSWORD}@127.0.0.1:2379`,
    '',
  ].join('\n');

const egressSelector = () =>
  [
    'apiVersion: apiserver.k8s.io/v1beta1',
    'kind: EgressSelectorConfiguration',
    'egressSelections:',
    '- name: cluster',
    '  connection:',
    '    proxyProtocol: HTTPConnect',
    '    transport:',
    '      tcp:',
    `        url: http://konnectivity:${EGRESS_PASSWORD}@10.0.0.5:8131`,
    '',
  ].join('\n');

/** Files whose only content is a parse error that would quote the upload. */
const brokenFiles = () => [
  { name: 'alias.yaml', content: `a: 1\nb: *${ALIAS}\n` },
  { name: 'handle.yaml', content: `a: !${TAG_HANDLE}!x value\n` },
  { name: 'tag.yaml', content: `a: !<${TAG_NAME}^> value\n` },
];

const goodFiles = () => [
  { name: `/etc/kubernetes/kubelet.conf`, content: kubeconfig() },
  { name: '/etc/kubernetes/manifests/kube-apiserver.yaml', content: apiserver() },
  { name: '/etc/kubernetes/egress.yaml', content: egressSelector() },
  ...brokenFiles(),
];

function form(files: Array<{ name: string; content: string }>): FormData {
  const body = new FormData();
  for (const file of files) body.append('file', new File([file.content], file.name));
  return body;
}

async function expectNoSecret(res: Response, what: string): Promise<string> {
  expect(res.status, what).toBeLessThan(500);
  const text = await res.text();
  for (const secret of secrets())
    expect(text, `${what} echoes ${secret.slice(0, 12)}…`).not.toContain(secret);
  return text;
}

describe('no planted secret comes back', () => {
  it.each(FORMATS)('format=%s, 200 and 422 (failOn)', async (format) => {
    for (const query of [`?format=${format}`, `?format=${format}&failOn=low`]) {
      const res = await call(`/v1/lint${query}`, { method: 'POST', body: form(goodFiles()) });
      expect(res.status).toBe(query.includes('failOn') ? 422 : 200);
      const text = await expectNoSecret(res, `${format} ${query}`);
      if (format === 'json') {
        // The findings that quote these values are there, redacted.
        expect(text).toContain('[redacted]');
        expect(text).toContain('kubeconfig-plaintext-server');
      }
    }
  });

  it('the JSON envelope and a raw body', async () => {
    const envelope = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: goodFiles() }),
    });
    expect(envelope.status).toBe(200);
    await expectNoSecret(envelope, 'envelope');
    const raw = await call(`/v1/lint?filename=${encodeURIComponent(`token=${NAME_TOKEN}.yaml`)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml' },
      body: kubeconfig(),
    });
    expect(raw.status).toBe(200);
    await expectNoSecret(raw, 'raw body');
  });

  it('400 when nothing is recognized: every parse error, without the token it failed on', async () => {
    const res = await call('/v1/lint', { method: 'POST', body: form(brokenFiles()) });
    expect(res.status).toBe(400);
    const text = await expectNoSecret(res, '400');
    expect(text).toContain('YAML syntax error');
    expect(text).toContain('an alias (*) names no anchor');
  });

  it('413 over a limit', async () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.yaml`, content: kubeconfig() }));
    const res = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: many }),
    });
    expect(res.status).toBe(413);
    await expectNoSecret(res, '413');
  });

  it("the form's page, its error page and its downloads", async () => {
    const page = await call('/report', { method: 'POST', body: form(goodFiles()) });
    expect(page.status).toBe(200);
    const html = await expectNoSecret(page, 'form page');
    const error = await call('/report', { method: 'POST', body: form(brokenFiles()) });
    expect(error.status).toBe(400);
    await expectNoSecret(error, 'form error page');
    // The download buttons post the page's report back: each download is checked too.
    const report = /<textarea name="report"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];
    expect(report).toBeDefined();
    const decoded = report!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    for (const format of ['json', 'sarif', 'svg']) {
      const res = await call('/report/download', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ format, report: decoded }).toString(),
      });
      expect(res.status, format).toBe(200);
      await expectNoSecret(res, `download ${format}`);
    }
  });
});
