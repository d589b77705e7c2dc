/**
 * Hostile input through workerd (issue 12): every bomb of test/support/bombs.ts, at the body limit,
 * gets the answer it should — linted, or a problem naming the limit — never a 5xx; real `kubectl get`
 * Lists up to the body limit are linted; a body declared too large is refused before it is read, and
 * cancelled. Time and memory are measured by `npm run bench:hostile`, not here.
 */
import { describe, expect, it } from 'vitest';
import { discardBody, readBody } from '../../../src/http/read-body';
import { ProblemError } from '../../../src/http/problem';
import type { Problem } from '../../../src/schemas/problem';
import type { Report } from '../../../src/schemas/report';
import { bombs } from '../../support/bombs';
import { call } from '../../support/http';

/** What each bomb must get: the status, and the limit the answer names. */
const EXPECTED: Record<string, { status: number; limit?: string }> = {
  'billion laughs': { status: 413, limit: 'maxExpandedNodes' },
  'aliases of one large pod': { status: 413, limit: 'maxMaterializedBytes' },
  merges: { status: 413, limit: 'maxExpandedNodes' },
  'flow sequences nested': { status: 400, limit: 'maxDepth' },
  'JSON with a tab': { status: 400, limit: 'maxDepth' },
  'empty documents': { status: 413, limit: 'maxDocuments' },
  'tiny documents': { status: 413, limit: 'maxDocuments' },
  'aliases of a ConfigMap': { status: 413, limit: 'maxMaterializedBytes' },
  'aliases of a KubeletInfo': { status: 413, limit: 'maxMaterializedBytes' },
  'complex key': { status: 413, limit: 'maxMaterializedBytes' },
  'one plain key': { status: 400 },
  'one plain scalar': { status: 400 },
  'number-like': { status: 400 },
  'command-line flag': { status: 200 },
  'multipart with': { status: 413, limit: 'maxFiles' },
  'web form with': { status: 413, limit: 'maxFiles' },
  'JSON envelope with': { status: 413, limit: 'maxFiles' },
  'one part in a body of': { status: 200 },
  'kubectl get pods -A -o yaml, 1.3': { status: 200 },
  'kubectl get pods -A -o yaml, 5.2': { status: 200 },
  'kubectl get pods -A -o json': { status: 200 },
  'anchor on its last line': { status: 200 },
  '2,000 API server pods': { status: 200 },
  'kubeconfigs over one PKI': { status: 200 },
  'kubeconfigs dialing as many addresses over one PKI': { status: 200 },
  'agents dialing an address': { status: 200 },
  'agents whose token audience differs': { status: 200 },
  'konnectivity servers on another': { status: 200 },
  'past the command-line words': { status: 413, limit: 'maxCommandLineWords' },
  'unknown flags': { status: 200 },
  'unknown feature gates': { status: 200 },
  'one flag name to the body limit': { status: 200 },
  'one feature gate name to the body limit': { status: 200 },
  'kubelet flags file of': { status: 413, limit: 'maxCommandLineWords' },
  'ExecStart uses': { status: 413, limit: 'maxCommandLineWords' },
  'sh -c script': { status: 413, limit: 'maxCommandLineWords' },
  "beside another program's line": { status: 200 },
};

function expectedFor(name: string): { status: number; limit?: string } {
  const key = Object.keys(EXPECTED).find((part) => name.includes(part));
  if (!key) throw new Error(`no expectation for bomb "${name}"`);
  return EXPECTED[key]!;
}

describe('every bomb up to the body limit gets its answer, never a 5xx', () => {
  it.each(bombs().map((bomb) => [bomb.class, bomb.name, bomb] as const))('%s: %s', async (_c, name, bomb) => {
    const expected = expectedFor(name);
    const res = await call(bomb.path, { method: 'POST', headers: bomb.headers, body: bomb.body });
    expect(res.status).toBe(expected.status);
    if (res.status === 200) {
      await res.body?.cancel();
      return;
    }
    if (bomb.path === '/report') {
      // The form answers with a page; it names the limit all the same.
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain(`limit ${expected.limit}`);
      return;
    }
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json<Problem>()).limit).toBe(expected.limit);
  });
});

describe('real kubectl dumps up to the body limit are read whole', () => {
  it('lints a 5 MiB `kubectl get pods -A -o yaml` List, every item a document, and caps the answer', async () => {
    const bomb = bombs().find((b) => b.name.includes('-o yaml, 5.2'))!;
    const res = await call(bomb.path, { method: 'POST', headers: bomb.headers, body: bomb.body });
    expect(res.status).toBe(200);
    const report = await res.json<Report>();
    expect(report.inputs[0]?.errors).toEqual([]);
    expect(report.inputs[0]?.documents.length).toBeGreaterThan(1000);
    expect(report.inputs[0]?.documents.every((doc) => doc.kind === 'Pod')).toBe(true);
  });

  it('lists at most 100 findings of one rule and counts the others in `omitted`', async () => {
    const bomb = bombs().find((b) => b.name.includes('2,000 API server pods'))!;
    const report = await (
      await call(bomb.path, { method: 'POST', headers: bomb.headers, body: bomb.body })
    ).json<Report>();
    const perRule = new Map<string, number>();
    for (const f of report.findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    expect(Math.max(...perRule.values())).toBe(100);
    // AlwaysAllow resets --anonymous-auth=true to false (pkg/kubeapiserver/options/authentication.go,
    // ApplyAuthorization): each pod has one AlwaysAllow finding and no anonymous one.
    expect(report.findings.some((f) => f.ruleId === 'apiserver-anonymous-auth')).toBe(false);
    const alwaysAllow = report.omitted.find((item) => item.ruleId === 'apiserver-authorization-always-allow');
    expect(alwaysAllow?.findings).toBe(1900);
    expect(report.summary.findings).toBe(
      report.findings.length + report.omitted.reduce((n, item) => n + item.findings, 0),
    );
    const text = await (
      await call(`${bomb.path}?format=text`, { method: 'POST', headers: bomb.headers, body: bomb.body })
    ).text();
    expect(text).toContain('Not listed (this answer lists at most 100 findings of one rule)');
    expect(text).toContain('apiserver-authorization-always-allow: 1900 more findings');
  });
});

describe('bodies refused before they are read', () => {
  /** A body that never ends, and says when it was cancelled. */
  function endless(): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    return { stream, cancelled: () => cancelled };
  }

  it('refuses a declared Content-Length over the limit without reading, and cancels the body', async () => {
    const body = endless();
    const request = new Request('http://x/v1/lint', {
      method: 'POST',
      body: body.stream,
      headers: { 'content-length': String(50 * 1024 * 1024) },
    });
    const error = await readBody(request, { MAX_BODY_BYTES: String(5 * 1024 * 1024) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).extras.limit).toBe('maxBodyBytes');
    expect(body.cancelled()).toBe(true);
  });

  it('under wrangler dev (REFUSED_BODIES=drain) reads a refused body to its end, within the limit once more', async () => {
    const env = { MAX_BODY_BYTES: String(1024 * 1024), REFUSED_BODIES: 'drain' };
    let pulled = 0;
    const finite = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (pulled === 24) {
          controller.close(); // 1.5 MiB
          return;
        }
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel: () => {
        pulled = -1;
      },
    });
    const error = await readBody(new Request('http://x/', { method: 'POST', body: finite }), env).catch(
      (e: unknown) => e,
    );
    expect((error as ProblemError).status).toBe(413);
    expect(pulled).toBe(24);
    // One that never ends is cancelled after the limit once more.
    const body = endless();
    const request = new Request('http://x/', { method: 'POST', body: body.stream });
    expect(((await readBody(request, env).catch((e: unknown) => e)) as ProblemError).status).toBe(413);
    expect(body.cancelled()).toBe(true);
    // One that declares more than twice the limit is cancelled at once, as in production.
    let chunks = 0;
    let cancelled = false;
    const declared = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        chunks++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const large = new Request('http://x/', {
      method: 'POST',
      body: declared,
      headers: { 'content-length': String(50 * 1024 * 1024) },
    });
    expect(((await readBody(large, env).catch((e: unknown) => e)) as ProblemError).status).toBe(413);
    expect(cancelled).toBe(true);
    expect(chunks).toBeLessThan(4);
    // One that stalls is cancelled once the drain has waited its 250 ms.
    let stalledCancelled = false;
    const stalling = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new Uint8Array(16));
      },
      cancel: () => {
        stalledCancelled = true;
      },
    });
    const started = Date.now();
    await discardBody(new Request('http://x/', { method: 'POST', body: stalling }), env);
    expect(stalledCancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cuts off a chunked body at the limit and cancels it', async () => {
    const body = endless();
    const request = new Request('http://x/v1/lint', { method: 'POST', body: body.stream });
    const error = await readBody(request, { MAX_BODY_BYTES: String(1024 * 1024) }).catch((e: unknown) => e);
    expect((error as ProblemError).status).toBe(413);
    expect(body.cancelled()).toBe(true);
  });
});
