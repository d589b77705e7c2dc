/**
 * The OpenAPI document the Worker serves (/openapi.json, /openapi.yaml, /docs). `npm run generate`
 * writes api-document.json from the route definitions (./description/, zod-to-openapi over the zod
 * schemas) without the example report, which is added here on first use: the example upload linted and
 * rendered by the real formatters. Building the document at run time carried zod-to-openapi and every
 * definition in the bundle; test/node/generated-files.test.ts proves the two cannot drift.
 */
import type { Report } from '../schemas/report';
import type { ApiDocument } from '../ui/docs';
import generated from './api-document.json';
import { exampleIn, exampleReport } from './examples';
import { yamlText } from './yaml-text';

/** POST /v1/lint's answers that are reports (linted, failOn met) show the example report... */
const REPORT_STATUSES = ['200', '422'];
/** ...in each format that has an example, by media type (a picture has none). */
const REPORT_EXAMPLES: Record<string, (report: Report) => unknown> = {
  'application/json': (report) => report,
  'application/sarif+json': (report): unknown => JSON.parse(exampleIn(report, 'sarif')),
  'text/plain': (report) => exampleIn(report, 'text'),
  'application/xml': (report) => exampleIn(report, 'junit'),
  'text/markdown': (report) => exampleIn(report, 'markdown'),
};

interface Described {
  paths: { '/v1/lint': { post: { responses: Record<string, { content: Record<string, object> }> } } };
}

/** A copy of `document` (as describeApi() gives it) with the example report added. */
export function withExampleReport(document: unknown, report: Report): ApiDocument {
  const copy = structuredClone(document) as Described;
  const responses = copy.paths['/v1/lint'].post.responses;
  for (const status of REPORT_STATUSES) {
    for (const [mediaType, example] of Object.entries(REPORT_EXAMPLES)) {
      const answer = responses[status];
      const content = answer?.content[mediaType];
      if (!answer || !content) throw new Error(`POST /v1/lint ${status} has no ${mediaType} answer`);
      // First, where zod-to-openapi puts an example.
      answer.content[mediaType] = { example: example(report), ...content };
    }
  }
  return copy as unknown as ApiDocument;
}

/** The document as YAML: the committed openapi.yaml is this text. */
export const openApiYaml = (document: unknown): string => yamlText(document);

let document: Promise<ApiDocument> | undefined;
let json: Promise<string> | undefined;
let yaml: Promise<string> | undefined;

/** The whole document, built once. */
export function apiDocument(): Promise<ApiDocument> {
  document ??= exampleReport().then((report) => withExampleReport(generated, report));
  return document;
}

/** The whole document as the text GET /openapi.json answers with, built once (it is 150 KB). */
export function apiDocumentJson(): Promise<string> {
  json ??= apiDocument().then((built) => JSON.stringify(built));
  return json;
}

/** The whole document as YAML, built once. */
export function apiDocumentYaml(): Promise<string> {
  yaml ??= apiDocument().then(openApiYaml);
  return yaml;
}
