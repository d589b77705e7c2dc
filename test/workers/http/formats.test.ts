import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/schemas/problem';
import type { Report } from '../../../src/schemas/report';
import { KUBELET_CONFIG_PATH, kubeletConfig } from '../../support/fixtures';
import { call, multipart, yaml } from '../../support/http';

const OPEN_KUBELET = kubeletConfig('readOnlyPort: 10255\n');
const named = `?filename=${encodeURIComponent(KUBELET_CONFIG_PATH)}`;

const CONTENT_TYPES = {
  json: 'application/json',
  sarif: 'application/sarif+json',
  text: 'text/plain; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
} as const;
type Format = keyof typeof CONTENT_TYPES;
const FORMATS = Object.keys(CONTENT_TYPES) as Format[];

/** What each format must show of a report with the kubelet's read-only port finding. */
function expectFinding(format: Format, body: string) {
  switch (format) {
    case 'json':
      expect((JSON.parse(body) as Report).findings.map((f) => f.ruleId)).toContain(
        'kubelet-read-only-port-enabled',
      );
      break;
    case 'sarif':
      expect(JSON.parse(body).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain(
        'kubelet-read-only-port-enabled',
      );
      break;
    case 'junit':
      expect(() => SyntaxValidator.validate(body)).not.toThrow();
      expect(body).toMatch(/<testcase name="kubelet-read-only-port-enabled: [^"]*" [^>]*>\s*<failure/);
      break;
    default:
      expect(body).toContain('/var/lib/kubelet/config.yaml:3:1');
      expect(body).toContain('kubelet-read-only-port-enabled');
  }
}

describe('POST /v1/lint answers in every format', () => {
  for (const format of FORMATS) {
    it(`format=${format}: 200 with its content type, and 422 with failOn, in the same format`, async () => {
      const ok = await yaml(OPEN_KUBELET, `${named}&format=${format}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
      expectFinding(format, await ok.text());

      const failed = await yaml(OPEN_KUBELET, `${named}&format=${format}&failOn=high`);
      expect(failed.status).toBe(422);
      expect(failed.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
      expectFinding(format, await failed.text());
    });

    it(`format=${format}: a file that failed to parse shows, and fails failOn`, async () => {
      const form = multipart([
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') },
        { name: 'broken.yaml', content: 'kind: Pod\nspec:\n  containers: [\n' },
      ]);
      const res = await call(`/v1/lint?format=${format}&failOn=critical`, { method: 'POST', body: form });
      expect(res.status).toBe(422);
      const body = await res.text();
      if (format === 'json') expect((JSON.parse(body) as Report).inputs[1]?.errors[0]?.line).toBe(3);
      else if (format === 'sarif')
        expect(
          JSON.parse(body).runs[0].invocations[0].toolExecutionNotifications[0].locations[0],
        ).toMatchObject({
          physicalLocation: { artifactLocation: { uri: 'broken.yaml' }, region: { startLine: 3 } },
        });
      else if (format === 'junit') expect(body).toMatch(/<testcase name="broken.yaml"[^>]*>\s*<error /);
      else
        expect(body).toMatch(
          /broken\.yaml:3:\d+`? YAML syntax error|broken\.yaml:3:\d+ {2}YAML syntax error/,
        );
    });
  }

  it('answers 200 for a clean upload in every format', async () => {
    const clean = kubeletConfig('readOnlyPort: 0\n');
    for (const format of FORMATS) {
      const res = await yaml(clean, `${named}&format=${format}&skipRules=kubelet-read-only-port-enabled`);
      expect(res.status).toBe(200);
    }
  });

  it('keeps problems as problem+json whatever the format asked for', async () => {
    const res = await yaml('apiVersion: v1\nkind: ConfigMap\n', '?format=sarif');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const bad = await yaml(OPEN_KUBELET, '?format=xml');
    expect(bad.status).toBe(400);
    expect((await bad.json<Problem>()).parameter).toBe('format');
  });

  it('takes the format from the envelope options and from multipart fields', async () => {
    const envelope = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        files: [{ name: KUBELET_CONFIG_PATH, content: OPEN_KUBELET }],
        options: { format: 'junit' },
      }),
    });
    expect(envelope.headers.get('content-type')).toBe(CONTENT_TYPES.junit);
    const form = multipart([{ name: KUBELET_CONFIG_PATH, content: OPEN_KUBELET }], { format: 'markdown' });
    const res = await call('/v1/lint', { method: 'POST', body: form });
    expect(res.headers.get('content-type')).toBe(CONTENT_TYPES.markdown);
  });
});

describe('the Accept header chooses the format when format= is absent', () => {
  const withAccept = (accept: string, query = '') =>
    call(`/v1/lint${named}${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml', Accept: accept },
      body: OPEN_KUBELET,
    });

  it.each([
    ['application/sarif+json', CONTENT_TYPES.sarif],
    ['text/plain', CONTENT_TYPES.text],
    ['application/xml', CONTENT_TYPES.junit],
    ['text/markdown', CONTENT_TYPES.markdown],
    ['application/json', CONTENT_TYPES.json],
    ['*/*', CONTENT_TYPES.json],
    ['image/png, text/markdown;q=0.5, application/sarif+json;q=0.9', CONTENT_TYPES.json],
    ['text/markdown;q=0.5, application/sarif+json;q=0.9', CONTENT_TYPES.sarif],
    // A browser: its first choice is HTML, which we do not serve, so JSON rather than its xml;q=0.9.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', CONTENT_TYPES.json],
  ])('Accept: %s', async (accept, contentType) => {
    const res = await withAccept(accept);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(res.headers.get('vary')).toContain('Accept');
  });

  it('format= wins over Accept', async () => {
    const res = await withAccept('application/sarif+json', '&format=text');
    expect(res.headers.get('content-type')).toBe(CONTENT_TYPES.text);
  });

  it('color=true colours the text format; it is plain by default', async () => {
    const plain = await (await withAccept('text/plain')).text();
    const coloured = await (await withAccept('text/plain', '&color=true')).text();
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[');
  });
});
