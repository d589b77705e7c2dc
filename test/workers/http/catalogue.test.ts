import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { apiDocumentJson, apiDocumentYaml } from '../../../src/routes/api-document';
import { docsHtml } from '../../../src/routes/docs';
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

  it('serve the texts that never change built once: the same text for every request', async () => {
    // Issue 16 target 6: /docs is 250 KB of HTML and /openapi.json 150 KB of JSON; neither is rebuilt.
    expect(docsHtml()).toBe(docsHtml());
    expect(apiDocumentJson()).toBe(apiDocumentJson());
    expect(apiDocumentYaml()).toBe(apiDocumentYaml());
    for (const [path, text, type] of [
      ['/docs', await docsHtml(), 'text/html'],
      ['/openapi.json', await apiDocumentJson(), 'application/json'],
    ] as const) {
      const res = await call(path);
      expect(res.headers.get('content-type')).toContain(type);
      expect(await res.text()).toBe(text);
    }
    const rules = await call('/v1/rules');
    expect(rules.headers.get('content-type')).toContain('application/json');
    expect(await rules.text()).toBe(await (await call('/v1/rules')).text());
  });
});
