import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { PathInfo, RuleInfo } from '../../../src/schemas/rule';
import { call } from '../../support/http';

describe('read-only endpoints', () => {
  it('GET /healthz', async () => {
    const res = await call('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /v1/rules lists every rule with its metadata', async () => {
    const body = await (await call('/v1/rules')).json<{ rulesetVersion: string; rules: RuleInfo[] }>();
    expect(body.rules.length).toBeGreaterThanOrEqual(7);
    for (const rule of body.rules) {
      expect(rule.links[0]).toContain('control-plane-node-communication/#');
      expect(rule.remediation).toMatch(/\.$/);
    }
  });

  it('GET /v1/rules/{id}', async () => {
    const res = await call('/v1/rules/kubelet-anonymous-auth-enabled');
    expect(res.status).toBe(200);
    expect((await res.json<RuleInfo>()).severity).toBe('critical');
  });

  it('GET /v1/paths lists the five paths with their rules', async () => {
    const body = await (await call('/v1/paths')).json<{ paths: PathInfo[] }>();
    expect(body.paths).toHaveLength(5);
    expect(body.paths.find((p) => p.id === 'apiserver-to-nodes-pods-services')?.rules).toContain(
      'proxy-traffic-unprotected',
    );
  });

  it('GET /openapi.json and /openapi.yaml', async () => {
    const json = await (
      await call('/openapi.json')
    ).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(['/v1/lint', '/v1/rules', '/v1/rules/{id}', '/v1/paths', '/healthz']),
    );
    const yamlRes = await call('/openapi.yaml');
    expect(yamlRes.headers.get('content-type')).toContain('yaml');
    expect(load(await yamlRes.text())).toEqual(json);
  });
});
