/**
 * Hostile-input benchmark (issue 12): starts `wrangler dev` on a free port, sends each bomb of
 * test/support/bombs.ts (and bodies that declare 50 MiB but arrive slowly or never), and prints the
 * status, the limit named, the wall time and how much the workerd process's memory grew (peak VmRSS while
 * the request ran, sampled from /proc, minus VmRSS before it), against the targets: every input up to
 * the body limit answers within 1 s and with at most 64 MB of extra memory.
 *
 * Each bomb gets a fresh `wrangler dev`, so one bomb's garbage or a still-busy isolate never colours the
 * next figure. Usage: npm run bench:hostile [-- FILTER]  (FILTER: a substring of the class or name)
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { startWrangler, type Server } from '../test/browser/support';
import { workerdOf } from './bench/workerd';
import { bombs, type Bomb } from '../test/support/bombs';

const TARGET_MS = 1000;
const TARGET_MB = 64;
/** A request still unanswered after this is reported as a timeout. */
const TIMEOUT_MS = 90_000;
const DECLARED = 50 * 1024 * 1024;

interface Row {
  class: string;
  name: string;
  bytes: number;
  status: string;
  limit: string;
  ms: number;
  mb: number;
  answer: number;
}

/** Sum of VmRSS of the given processes, in kB. */
function rss(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}

/** Runs `send` while sampling memory every 10 ms; growth is the peak minus the level before. */
async function measure(
  pids: number[],
  send: () => Promise<{ status: string; limit: string; answer: number }>,
): Promise<{ status: string; limit: string; answer: number; ms: number; mb: number }> {
  const before = rss(pids);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pids))), 10);
  const started = performance.now();
  const result = await send();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rss(pids));
  return { ...result, ms, mb: (peak - before) / 1024 };
}

async function sendBomb(server: Server, bomb: Bomb) {
  try {
    const res = await fetch(`${server.base}${bomb.path}`, {
      method: 'POST',
      headers: bomb.headers,
      body: bomb.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    let limit = '';
    if (res.headers.get('content-type')?.includes('problem+json')) {
      limit = (JSON.parse(text) as { limit?: string }).limit ?? '';
    } else if (res.headers.get('content-type')?.includes('text/html')) {
      limit = /limit (max\w+)/.exec(text)?.[1] ?? '';
    }
    return { status: String(res.status), limit, answer: Buffer.byteLength(text) };
  } catch (error) {
    return {
      status: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error',
      limit: '',
      answer: 0,
    };
  }
}

/**
 * A raw HTTP/1.1 request that declares a 50 MiB body and then sends `bodyBytes` of it, `chunk` bytes
 * every `everyMs` (or nothing): the answer should come at once, not when the body is complete.
 */
function sendDeclared(server: Server, bodyBytes: number, chunk: number, everyMs: number, chunked = false) {
  const { hostname, port } = new URL(server.base);
  return new Promise<{ status: string; limit: string; answer: number }>((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    const finish = (status: string) => {
      clearInterval(timer);
      clearTimeout(deadline);
      socket.destroy();
      resolve({ status, limit: /"limit":"(\w+)"/.exec(answer)?.[1] ?? '', answer: answer.length });
    };
    const deadline = setTimeout(() => {
      finish('timeout');
    }, TIMEOUT_MS);
    socket.on('data', (data: Buffer) => {
      answer += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      const head = answer.indexOf('\r\n\r\n');
      if (!status || head < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(answer.slice(0, head))?.[1];
      const complete =
        length === undefined ? answer.endsWith('\r\n0\r\n\r\n') : answer.length - head - 4 >= Number(length);
      if (complete) finish(status);
    });
    socket.on('error', () => {
      finish(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'error');
    });
    socket.on('close', () => {
      finish(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'closed');
    });
    socket.write(
      [
        'POST /v1/lint HTTP/1.1',
        `Host: ${hostname}`,
        'Content-Type: application/yaml',
        chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${DECLARED}`,
        '',
        '',
      ].join('\r\n'),
    );
    const piece = Buffer.from('# padding\n'.repeat(Math.ceil(chunk / 10)).slice(0, chunk));
    // The events that call finish() come after this line has run.
    const timer = setInterval(() => {
      if (socket.destroyed || sent >= bodyBytes) return;
      socket.write(
        chunked
          ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
          : piece,
      );
      sent += piece.length;
    }, everyMs);
  });
}

interface Case {
  class: string;
  name: string;
  bytes: number;
  send: (server: Server) => Promise<{ status: string; limit: string; answer: number }>;
}

const cases: Case[] = [
  ...bombs().map((bomb) => ({
    class: bomb.class,
    name: bomb.name,
    bytes: Buffer.byteLength(bomb.body),
    send: (server: Server) => sendBomb(server, bomb),
  })),
  {
    class: 'declared oversize',
    name: 'Content-Length 50 MiB, no body sent',
    bytes: 0,
    send: (server: Server) => sendDeclared(server, 0, 0, 0),
  },
  {
    class: 'declared oversize',
    name: 'Content-Length 50 MiB, 1 KiB every 100 ms',
    bytes: DECLARED,
    send: (server: Server) => sendDeclared(server, DECLARED, 1024, 100),
  },
  {
    class: 'declared oversize',
    name: 'chunked, no length, 64 KiB every 5 ms past the limit',
    bytes: 8 * 1024 * 1024,
    send: (server: Server) => sendDeclared(server, 8 * 1024 * 1024, 65536, 5, true),
  },
];

const filter = process.argv[2]?.toLowerCase();
const chosen = cases.filter((c) => !filter || `${c.class} ${c.name}`.toLowerCase().includes(filter));
const rows: Row[] = [];
for (const item of chosen) {
  const server = await startWrangler();
  try {
    const pids = workerdOf(Number(new URL(server.base).port));
    // Warm up: the first lint compiles the Worker's code paths.
    await fetch(`${server.base}/v1/lint`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml' },
      body: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - command: [kube-apiserver]\n',
    }).then((res) => res.text());
    const result = await measure(pids, () => item.send(server));
    rows.push({ class: item.class, name: item.name, bytes: item.bytes, ...result });
    const last = rows[rows.length - 1];
    if (last) console.error(format(last));
  } finally {
    await server.stop();
  }
}

function format(row: Row): string {
  const met = row.status !== 'timeout' && row.ms <= TARGET_MS && row.mb <= TARGET_MB ? 'yes' : 'NO';
  return [
    row.class.padEnd(22),
    row.name.slice(0, 62).padEnd(62),
    String(row.bytes).padStart(8),
    row.status.padStart(7),
    row.limit.padEnd(20),
    `${row.ms.toFixed(0)} ms`.padStart(9),
    `${row.mb.toFixed(0)} MB`.padStart(7),
    String(row.answer).padStart(9),
    met.padStart(4),
  ].join(' ');
}

console.log(
  [
    'class'.padEnd(22),
    'bomb'.padEnd(62),
    'bytes'.padStart(8),
    'status'.padStart(7),
    'limit'.padEnd(20),
    'wall'.padStart(9),
    '+RSS'.padStart(7),
    'answer'.padStart(9),
    'met'.padStart(4),
  ].join(' '),
);
for (const row of rows) console.log(format(row));
console.log(
  `targets: ≤ ${TARGET_MS} ms and ≤ ${TARGET_MB} MB extra workerd memory for every input up to the body limit`,
);
