/**
 * Reads a request body with a hard size limit, before anything parses it: the declared Content-Length
 * is checked first (RFC 9112 §6.3: ignored when Transfer-Encoding is present), then the stream is cut
 * off as soon as it passes the limit (a client may lie or send chunked bodies). Like Hono's body-limit
 * middleware, but every body refused is cancelled, so the answer goes out at once instead of after the
 * client has sent (or stalled on) what we will never read.
 */
import { humanBytes } from './human-bytes';
import { ProblemError } from './problem';

export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (!request.headers.has('transfer-encoding') && Number.isFinite(declared) && declared > maxBytes) {
    await discardBody(request);
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
      await reader.cancel().catch(() => undefined);
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

/** Cancels a body we answer without reading (too large, wrong media type, rate limited, wrong method). */
export async function discardBody(request: Request): Promise<void> {
  if (request.body && !request.bodyUsed) await request.body.cancel().catch(() => undefined);
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
