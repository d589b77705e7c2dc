/**
 * Reads a request body with a hard size limit, before anything parses it: the Content-Length header
 * is checked first, then the stream is cut off as soon as it passes the limit (a client may lie or
 * send chunked bodies).
 */
import { ProblemError } from './problem';

export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
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

function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError(
    413,
    'payload-too-large',
    'Request body too large',
    `The body is larger than ${maxBytes} bytes (limit maxBodyBytes). Lint fewer files per request.`,
    {
      limit: 'maxBodyBytes',
    },
  );
}
