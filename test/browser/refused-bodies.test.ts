/**
 * `wrangler dev` keeps answering after a body it refuses: its proxy lost the request that followed a
 * cancelled body (a 503, or no answer at all), so a wrong URL or a file of the wrong type broke the
 * next request of whoever came next. The default environment drains refused bodies (read-body.ts).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWrangler, type Server } from './support';

let server: Server | undefined;
beforeAll(async () => {
  server = await startWrangler();
});
afterAll(async () => {
  await server?.stop();
});

/** One request on its own connection: its status, or 0 when no answer came within 5 s. */
function send(method: string, path: string, body?: Buffer, type = 'application/yaml'): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      `${server!.base}${path}`,
      { method, headers: { 'content-type': type, connection: 'close' }, agent: false, timeout: 5_000 },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
    req.on('error', () => {
      resolve(0);
    });
    req.end(body);
  });
}

const UPLOAD = Buffer.from('a'.repeat(9_000));

describe('bodies refused under wrangler dev', () => {
  it('answers every request that follows a refused one', async () => {
    const after: number[] = [];
    for (let round = 0; round < 6; round++) {
      expect(await send('POST', '/no-such-path', UPLOAD)).toBe(404);
      expect(await send('POST', '/report', UPLOAD, 'text/plain')).toBe(415);
      after.push(await send('GET', '/healthz'));
      after.push(await send('POST', '/v1/lint', Buffer.from('# nothing\n')));
    }
    expect(after).toEqual(Array.from({ length: 6 }, () => [200, 400]).flat());
  });
});
