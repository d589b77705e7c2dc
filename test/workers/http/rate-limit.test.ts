/// <reference types="vite/client" />
/**
 * Rate limiting in workerd with wrangler.toml's production environment, whose Rate Limiting binding
 * miniflare simulates: the limit configured there, per client address, for the endpoints that lint.
 */
import { describe, expect, it } from 'vitest';
import wranglerToml from '../../../wrangler.toml?raw';
import type { Problem } from '../../../src/schemas/problem';
import { call } from '../../support/http';

/** `simple = { limit = N, period = P }` of the production limiter, as configured. */
const configured =
  /\[\[env\.production\.ratelimits\]\][^[]*simple = \{ limit = (\d+), period = (\d+) \}/.exec(wranglerToml);
const LIMIT = Number(configured?.[1]);
const PERIOD = Number(configured?.[2]);

const lint = (client: string, body = '') =>
  call('/v1/lint', {
    method: 'POST',
    headers: { 'Content-Type': 'application/yaml', 'CF-Connecting-IP': client },
    body,
  });

describe('rate limiting (production environment)', () => {
  it('is configured with a limit and a period Cloudflare accepts', () => {
    expect(LIMIT).toBeGreaterThan(0);
    expect([10, 60]).toContain(PERIOD);
  });

  it('answers 429 problem+json with Retry-After once a client is over the limit, and only that client', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await lint('203.0.113.7');
      expect(res.status).toBe(400); // an empty body: limited requests never get this far
      await res.body?.cancel();
    }
    const limited = await lint('203.0.113.7', 'apiVersion: v1\nkind: Pod\n');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.headers.get('retry-after')).toBe(String(PERIOD));
    const problem = await limited.json<Problem>();
    expect(problem).toMatchObject({ status: 429, type: '/docs#problem-rate-limited' });
    expect(problem.detail).toContain(`${PERIOD} seconds`);

    const other = await lint('198.51.100.23');
    expect(other.status).toBe(400);
    expect((await call('/healthz', { headers: { 'CF-Connecting-IP': '203.0.113.7' } })).status).toBe(200);
  });

  it("limits the web form's posts per client too", async () => {
    const form = () => {
      const body = new FormData();
      body.append('content', '');
      return call('/report', { method: 'POST', body, headers: { 'CF-Connecting-IP': '192.0.2.44' } });
    };
    for (let i = 0; i < LIMIT; i++) expect((await form()).status).toBe(400);
    const limited = await form();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(PERIOD));
    const download = await call('/report/download', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': '192.0.2.44' },
      body: 'format=json&report=%7B%7D',
    });
    expect(download.status).toBe(429);
  });
});
