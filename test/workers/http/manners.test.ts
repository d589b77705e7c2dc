import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/schemas/problem';
import { PROBLEMS, problemType, type ProblemSlug } from '../../../src/http/problems';
import { KUBELET_CONFIG_PATH, kubeletConfig } from '../../support/fixtures';
import { call, yaml } from '../../support/http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const READ_ONLY_ENDPOINTS = [
  '/v1/rules',
  '/v1/rules/kubelet-read-only-port-enabled',
  '/v1/paths',
  '/openapi.json',
  '/openapi.yaml',
  '/docs',
];

describe('X-Request-Id', () => {
  it('echoes a valid incoming id, on success and on errors', async () => {
    const ok = await call('/healthz', { headers: { 'X-Request-Id': 'ci-build_42=a' } });
    expect(ok.headers.get('x-request-id')).toBe('ci-build_42=a');
    const problem = await call('/v2/none', { headers: { 'X-Request-Id': 'trace-7' } });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('x-request-id')).toBe('trace-7');
    expect((await problem.json<Problem>()).requestId).toBe('trace-7');
  });

  it('generates one when none, or an invalid one, is sent', async () => {
    const none = await call('/healthz');
    expect(none.headers.get('x-request-id')).toMatch(UUID);
    for (const invalid of ['has space', 'semi;colon', 'x'.repeat(129)]) {
      const res = await call('/healthz', { headers: { 'X-Request-Id': invalid } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('is on lint answers and 400 problems too', async () => {
    const linted = await yaml(kubeletConfig(), `?filename=${KUBELET_CONFIG_PATH}`);
    expect(linted.headers.get('x-request-id')).toMatch(UUID);
    const bad = await yaml(kubeletConfig(), '?network=public');
    expect(bad.status).toBe(400);
    const body = await bad.json<Problem>();
    expect(body.requestId).toBe(bad.headers.get('x-request-id'));
  });
});

describe('CORS', () => {
  it('answers a preflight for POST /v1/lint from any origin', async () => {
    const res = await call('/v1/lint', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://dashboard.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('lets a browser read answers and the request id', async () => {
    const res = await yaml(kubeletConfig(), `?filename=${KUBELET_CONFIG_PATH}`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });
});

describe('Cache-Control', () => {
  it.each(READ_ONLY_ENDPOINTS)('GET %s is cacheable', async (path) => {
    const res = await call(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
  });

  it('lint answers, errors and health checks are never stored', async () => {
    expect(
      (await yaml(kubeletConfig(), `?filename=${KUBELET_CONFIG_PATH}`)).headers.get('cache-control'),
    ).toBe('no-store');
    const missing = await call('/v1/rules/no-such-rule');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect((await call('/healthz')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /docs', () => {
  it('is a self-contained HTML reference with a strict Content-Security-Policy', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // Its one inline style is allowed by hash, and nothing is loaded from anywhere.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The reference itself: every endpoint, the formats, the examples, the rules.
    for (const text of [
      '/v1/lint',
      '/v1/rules/{id}',
      '/v1/paths',
      '/healthz',
      'application/sarif+json',
      'text/markdown',
    ])
      expect(html).toContain(text);
    expect(html).toContain('kubelet-read-only-port-enabled');
    expect(html).toContain('/docs#problem-unknown-rule');
  });

  it('has an entry for every problem type, at the anchor the type names', async () => {
    const html = await (await call('/docs')).text();
    for (const slug of Object.keys(PROBLEMS) as ProblemSlug[]) {
      const anchor = problemType(slug).split('#')[1];
      expect(html, slug).toMatch(
        new RegExp(
          `<tr id="${anchor}"><td><code>/docs#${anchor}</code></td><td>${PROBLEMS[slug].status}</td>`,
        ),
      );
    }
  });
});

describe('405 with Allow', () => {
  it.each([
    ['PUT', '/v1/lint', 'OPTIONS, POST'],
    ['DELETE', '/v1/lint', 'OPTIONS, POST'],
    ['PATCH', '/v1/rules/kubelet-read-only-port-enabled', 'GET, HEAD, OPTIONS'],
    ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/report', 'GET, HEAD, OPTIONS, POST'],
    ['PUT', '/', 'GET, HEAD, OPTIONS'],
  ])('%s %s answers 405 naming %s', async (method, path, allow) => {
    const res = await call(path, { method, body: method === 'DELETE' ? null : 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json<Problem>()).type).toBe('/docs#problem-method-not-allowed');
  });

  it('still answers 404 for a path nothing serves, whatever the method', async () => {
    for (const method of ['GET', 'PUT', 'POST']) {
      const res = await call('/v1/nothing-here', { method, body: method === 'GET' ? null : 'x' });
      expect(res.status).toBe(404);
      expect(res.headers.get('allow')).toBeNull();
      await res.body?.cancel();
    }
  });
});
