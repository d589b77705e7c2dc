/**
 * Reads a request body with a hard size limit, before anything parses it: the declared Content-Length
 * is checked first (RFC 9112 §6.3: ignored when Transfer-Encoding is present), then the stream is cut
 * off as soon as it passes the limit (a client may lie or send chunked bodies). Like Hono's body-limit
 * middleware, but every body refused is cancelled, so the answer goes out at once instead of after the
 * client has sent (or stalled on) what we will never read.
 *
 * Except under `wrangler dev` (REFUSED_BODIES=drain, the default environment's setting): its proxy
 * loses the request after one whose body the Worker cancelled (a 503, or no answer; workers-sdk#15203,
 * workerd#1741). There a refused body is read to its end and dropped, up to the limit once more and
 * for at most 250 ms; one that declares a length over twice the limit is still cancelled at once.
 */
import { maxBodyBytes, type AppBindings } from './env';
import { humanBytes } from './human-bytes';
import { ProblemError } from './problem';

export async function readBody(request: Request, env: AppBindings | undefined): Promise<Uint8Array> {
  const maxBytes = maxBodyBytes(env);
  if (declaredLength(request) > maxBytes) {
    await discardBody(request, env);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array();
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await release(reader, drains(env) ? maxBytes : 0);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Lets go of a body we answer without reading (too large, wrong media type, rate limited, wrong URL). */
export async function discardBody(request: Request, env: AppBindings | undefined): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const maxBytes = maxBodyBytes(env);
  // One that says it is longer than the limit twice over would be cut off while drained: cancel it now.
  await release(reader, drains(env) && !(declaredLength(request) > 2 * maxBytes) ? maxBytes : 0);
}

/** The Content-Length a request declares, or NaN (none, or ignored beside Transfer-Encoding). */
function declaredLength(request: Request): number {
  return request.headers.has('transfer-encoding')
    ? Number.NaN
    : Number(request.headers.get('content-length') ?? 'NaN');
}

const drains = (env: AppBindings | undefined) => env?.REFUSED_BODIES === 'drain';

/** How long a drain waits for a body in all: a client that stalls is cancelled after it. */
const DRAIN_MS = 250;

/** Reads and drops up to `drainBytes` more of a body, within DRAIN_MS, then cancels what is left. */
async function release(reader: ReadableStreamDefaultReader<Uint8Array>, drainBytes: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<'stalled'>((resolve) => {
    if (drainBytes > 0) {
      timer = setTimeout(() => {
        resolve('stalled');
      }, DRAIN_MS);
    }
  });
  try {
    for (let left = drainBytes; left > 0;) {
      const read = reader.read().catch(() => ({ value: undefined }));
      const chunk = await Promise.race([read, stalled]);
      if (chunk === 'stalled') break;
      if (!chunk.value) return; // the end, or a client gone
      left -= chunk.value.byteLength;
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  await reader.cancel().catch(() => undefined);
}

export function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(
    'payload-too-large',
    `The body is larger than ${humanBytes(maxBytes)} (limit maxBodyBytes). Lint fewer files per request.`,
    {
      limit: 'maxBodyBytes',
    },
  );
}
