/**
 * Targets 3 and 5 of issue 16, on one `wrangler dev` (a free port):
 * 3. POST /v1/lint of the example (multipart, one part per file) and the web form's POST /report of
 *    the same files, against GET /healthz: wall-time medians of interleaved rounds, each request on a
 *    fresh connection. Two floors are timed in the same rounds and printed: the same bytes posted to a
 *    path that answers 404 (wrangler dev's proxy carrying the body), and the same files with every line
 *    commented out, beside an empty KubeletConfiguration (the multipart, the reading and a report of
 *    next to nothing).
 * 5. CPU per request for uploads up to 256 KB of each shape: the workerd processes' CPU time (from
 *    /proc, 10 ms ticks) over a batch of requests, divided by the batch; the same for GET /healthz is
 *    printed as the floor (workerd's own HTTP work, which the edge does not bill), and the target is
 *    judged on the upload's request minus that floor.
 */
import { request } from 'node:http';
import { startWrangler } from '../../test/browser/support';
import { interleaved, median, target } from './measure';
import { SHAPES, exampleFiles, type BenchFile } from './shapes';
import { cpuMs, workerdOf } from './workerd';

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** One request on its own connection; resolves with the status once the whole answer is read. */
function send(base: string, sent: Sent): Promise<number> {
  const url = new URL(sent.path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: sent.method, headers: { ...sent.headers, connection: 'close' }, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(sent.body);
  });
}

function multipart(files: BenchFile[], fields: Record<string, string> = {}): { type: string; body: Buffer } {
  const boundary = 'kcl-bench-boundary';
  const parts = [
    ...Object.entries(fields).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
    ...files.map(
      (file) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n${file.content}\r\n`,
    ),
  ];
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
  };
}

export async function benchHttp(repo: string, rounds: number): Promise<string[]> {
  const server = await startWrangler();
  try {
    const port = new URL(server.base).port;
    const example = exampleFiles(repo);
    const api = multipart(example);
    const form = multipart(example, { network: 'untrusted' });
    // The same files with every line commented out, and an empty KubeletConfiguration (so the answer
    // is a report, not "nothing recognized"): read, but next to nothing to judge.
    const commented = multipart([
      ...example.map((file) => ({ name: file.name, content: file.content.replace(/^/gm, '# ') })),
      {
        name: '/var/lib/kubelet/empty-config.yaml',
        content: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n',
      },
    ]);
    const healthz: Sent = { method: 'GET', path: '/healthz', headers: {} };
    const requests: Record<string, Sent> = {
      'GET /healthz': healthz,
      'POST /v1/lint': {
        method: 'POST',
        path: '/v1/lint',
        headers: { 'content-type': api.type },
        body: api.body,
      },
      'POST /report (form)': {
        method: 'POST',
        path: '/report',
        headers: { 'content-type': form.type },
        body: form.body,
      },
    };
    // What a POST of these bytes costs before any judging: the floor the two targets stand on.
    const floors: Record<string, Sent & { status: number }> = {
      'POST /nope (the same bytes, 404)': {
        method: 'POST',
        path: '/nope',
        headers: { 'content-type': api.type },
        body: api.body,
        status: 404,
      },
      'POST /v1/lint (the same files as comments)': {
        method: 'POST',
        path: '/v1/lint',
        headers: { 'content-type': commented.type },
        body: commented.body,
        status: 200,
      },
    };
    const all: Record<string, Sent & { status?: number }> = { ...requests, ...floors };
    for (const [name, sent] of Object.entries(all)) {
      const status = await send(server.base, sent);
      if (status !== (sent.status ?? 200)) throw new Error(`${name} answered ${status}`);
    }
    const fns = Object.fromEntries(
      Object.entries(all).map(([name, sent]) => [name, () => send(server.base, sent)]),
    );
    const times = await interleaved(fns, rounds, 20);
    const wall = (name: string) => times[name]?.wall ?? NaN;
    console.log(
      `HTTP on wrangler dev, fresh connection per request, wall medians of ${rounds} interleaved rounds: ` +
        Object.keys(requests)
          .map((name) => `${name} ${wall(name).toFixed(2)} ms`)
          .join(', '),
    );
    console.log(
      `  floors (the same round): ` +
        Object.keys(floors)
          .map(
            (name) =>
              `${name} ${wall(name).toFixed(2)} ms, ${(wall(name) / wall('GET /healthz')).toFixed(2)}×`,
          )
          .join('; '),
    );
    const lines = [
      target('3  POST /v1/lint / GET /healthz', wall('POST /v1/lint') / wall('GET /healthz'), 1.5),
      target('3  form POST /report / GET /healthz', wall('POST /report (form)') / wall('GET /healthz'), 2),
    ];

    const workerd = workerdOf(Number(port));
    /** workerd CPU ms per request over `count` requests (3 batches, the median). */
    const cpuPerRequest = async (sent: Sent, count: number) => {
      const batches: number[] = [];
      for (let batch = 0; batch < 3; batch++) {
        const before = cpuMs(workerd);
        for (let i = 0; i < count; i++) await send(server.base, sent);
        batches.push((cpuMs(workerd) - before) / count);
      }
      return median(batches);
    };
    const floor = await cpuPerRequest(healthz, 100);
    console.log(
      `CPU per request in workerd (wrangler dev; /proc, batches): GET /healthz ${floor.toFixed(2)} ms`,
    );
    let worst = 0;
    for (const kib of [64, 128, 256]) {
      const cells: string[] = [];
      for (const [shape, make] of Object.entries(SHAPES)) {
        const content = make(kib * 1024)
          .map((file) => file.content)
          .join('');
        const sent: Sent = {
          method: 'POST',
          path: '/v1/lint',
          headers: { 'content-type': 'application/yaml' },
          body: Buffer.from(content),
        };
        const status = await send(server.base, sent);
        const cpu = await cpuPerRequest(sent, Math.max(10, Math.round(2560 / kib)));
        if (kib === 256) worst = Math.max(worst, cpu - floor);
        cells.push(`${shape} ${cpu.toFixed(1)} ms (${status})`);
      }
      console.log(`  POST /v1/lint of ${kib} KiB: ${cells.join(', ')}`);
    }
    lines.push(
      target('5  CPU per request at 256 KiB, worst shape, minus the /healthz floor', worst, 10, 'ms'),
    );
    return lines;
  } finally {
    await server.stop();
  }
}
