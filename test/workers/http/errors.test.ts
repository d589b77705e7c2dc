import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/schemas/problem';
import { apiserverPod } from '../../support/fixtures';
import { call, yaml } from '../../support/http';

async function problem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json<Problem>();
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/docs#problem-[a-z-]+$/);
  expect(body.detail.length).toBeGreaterThan(10);
  return body;
}

describe('errors are RFC 9457 problem+json with the documented status', () => {
  it('400 for an invalid option, naming it', async () => {
    const body = await problem(await yaml(apiserverPod([]), '?network=public'), 400);
    expect(body.parameter).toBe('network');
  });

  it('400 for a bad failOn or kubernetesVersion', async () => {
    expect((await problem(await yaml(apiserverPod([]), '?failOn=severe'), 400)).parameter).toBe('failOn');
    expect((await problem(await yaml(apiserverPod([]), '?kubernetesVersion=latest'), 400)).parameter).toBe(
      'kubernetesVersion',
    );
  });

  it('400 for an empty body', async () => {
    await problem(await yaml(''), 400);
  });

  it('400 for a malformed JSON envelope, naming the field', async () => {
    const res = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"files":[{"name":"a.yaml"}]}',
    });
    expect((await problem(res, 400)).detail).toContain('/files/0/content');
  });

  it("400 when no file holds a Kubernetes configuration, with each file's reason and line", async () => {
    const res = await yaml('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\nkey: [unclosed\n');
    const body = await problem(res, 400);
    expect(body.files?.[0]?.file).toBe('body.yaml');
    expect(body.files?.[0]?.reason).toContain('YAML syntax error');
    expect(body.files?.[0]?.line).toBe(5);
  });

  it('400 for garbage bytes and for invalid UTF-8, without echoing them', async () => {
    const garbage = new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x00, 0x01]);
    const body = await problem(await yaml(garbage), 400);
    expect(body.files?.[0]?.reason).toMatch(/UTF-8|binary/);
    const latin1 = new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]);
    expect((await problem(await yaml(latin1), 400)).files?.[0]?.reason).toContain('UTF-8');
  });

  it('400 for a multipart body without files', async () => {
    const form = new FormData();
    form.append('network', 'trusted');
    await problem(await call('/v1/lint', { method: 'POST', body: form }), 400);
  });

  it('413 over the body size limit, naming the limit', async () => {
    const big = 'a'.repeat(5 * 1024 * 1024 + 1);
    const body = await problem(await yaml(big), 413);
    expect(body.limit).toBe('maxBodyBytes');
  });

  it('413 for tens of thousands of documents, naming the limit', async () => {
    const many = Array.from({ length: 20_001 }, (_, i) => `kind: ConfigMap\nmetadata: {name: c${i}}\n`).join(
      '---\n',
    );
    const body = await problem(await yaml(many), 413);
    expect(body.limit).toBe('maxDocuments');
  });

  it('415 for an unsupported media type, with a hint for curl --data-binary', async () => {
    await problem(
      await call('/v1/lint', { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: 'x' }),
      415,
    );
    const form = await problem(
      await call('/v1/lint', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'kind=Pod',
      }),
      415,
    );
    expect(form.detail).toContain('Content-Type: application/yaml');
  });

  it('404 for an unknown rule and an unknown path', async () => {
    await problem(await call('/v1/rules/no-such-rule'), 404);
    await problem(await call('/v2/whatever'), 404);
  });
});
