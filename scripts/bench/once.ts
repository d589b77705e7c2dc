/**
 * Target 6 of issue 16: nothing per request that can be computed once, and SARIF compact unless asked.
 * The application is called in-process (Node, its source as the tests import it), so what a request
 * costs is not hidden by HTTP:
 * - each read-only document (the rule catalogue, the OpenAPI document in JSON and YAML, the /docs
 *   page), after its first request, against a route of a bare Hono app that answers a constant string
 *   of the same length: a document built again per request costs more than serving a constant (the
 *   catalogue's JSON made per request measured 1.71×, made once 1.07-1.16×).
 * - POST /v1/lint?format=sarif of the example: compact, and by how much, unless `pretty=true`.
 */
import { Hono } from 'hono';
import { createApp } from '../../src/app';
import { interleaved, ms, target } from './measure';
import { exampleFiles } from './shapes';

const ENV = { MAX_BODY_BYTES: '5242880' };
const DOCUMENTS = ['/v1/rules', '/openapi.json', '/openapi.yaml', '/docs'];

async function text(
  app: { fetch: (r: Request, e: never) => Response | Promise<Response> },
  request: Request,
) {
  const response = await app.fetch(request, ENV as never);
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${request.method} ${request.url} answered ${response.status}`);
  return body;
}

function sarifRequest(repo: string, query: string): Request {
  const form = new FormData();
  for (const file of exampleFiles(repo)) form.append('file', new Blob([file.content]), file.name);
  return new Request(`http://bench/v1/lint?format=sarif${query}`, { method: 'POST', body: form });
}

export async function benchOnce(repo: string, rounds: number): Promise<string[]> {
  const app = createApp();
  const lines: string[] = [];
  const figures: string[] = [];
  for (const path of DOCUMENTS) {
    const get = () => new Request(`http://bench${path}`);
    const body = await text(app, get());
    const constant = new Hono().get('/', (c) => c.body(body, 200, { 'Content-Type': 'text/plain' }));
    const times = await interleaved(
      {
        document: () => text(app, get()),
        constant: () => text(constant, new Request('http://bench/')),
      },
      rounds,
      20,
    );
    const ratio = (times.document?.cpu ?? NaN) / (times.constant?.cpu ?? NaN);
    figures.push(
      `${path} ${body.length} B ${ms(times.document?.cpu ?? NaN)} vs ${ms(times.constant?.cpu ?? NaN)}`,
    );
    lines.push(target(`6  GET ${path} after the first / a constant body of its size`, ratio, 1.5));
  }
  const compact = await text(app, sarifRequest(repo, ''));
  const pretty = await text(app, sarifRequest(repo, '&pretty=true'));
  // Compact: the answer is its own JSON.stringify, byte for byte.
  const log = JSON.parse(compact) as SarifLog;
  const stringified = JSON.stringify(log);
  const driverRules = JSON.stringify(log.runs[0]?.tool.driver.rules ?? []);
  console.log(
    `Read-only documents, in-process (CPU medians of ${rounds} interleaved rounds, the document vs a constant of its size): ` +
      figures.join(', '),
  );
  console.log(
    `SARIF of the example: ${compact.length} B by default, ${stringified.length} B as JSON.stringify writes it ` +
      `(driver.rules ${driverRules.length} B), ${pretty.length} B with pretty=true`,
  );
  lines.push(target('6  SARIF of the example by default / compact', compact.length / stringified.length, 1));
  return lines;
}

interface SarifLog {
  runs: Array<{ tool: { driver: { rules: unknown[] } } }>;
}
