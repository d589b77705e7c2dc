/** GET /docs: the API reference page, rendered on the server from the OpenAPI document. */
import type { Hono } from 'hono/tiny';
import type { AppEnv } from '../http/env';
import { FORMATTERS } from '../report/formats';
import { RULE_CATALOGUE } from '../lint';
import { FORMATS, type Format } from '../schemas/lint-request';
import { DOCS_STYLE, DocsPage } from '../ui/docs';
import { apiDocument } from './api-document';

const FORMAT_USES: Record<Format, string> = {
  json: 'Programs: the report of DESIGN.md (the default)',
  sarif: 'GitHub code scanning and other SARIF 2.1.0 consumers',
  text: 'A terminal: paths first, then findings by path (color=true for ANSI colours)',
  junit: 'CI test reports (GitLab, Jenkins, Azure Pipelines): a testsuite per path, a testcase per rule',
  markdown: 'A pull-request comment: the verdict table, then the findings',
  svg: 'A picture: the control plane and a node, each path an arrow coloured and labelled by its verdict',
};

let policy: Promise<string> | undefined;

/** Nothing may load but the page's own inline style, allowed by its SHA-256 hash. */
function contentSecurityPolicy(): Promise<string> {
  policy ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(DOCS_STYLE)).then((digest) => {
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  });
  return policy;
}

let html: Promise<string> | undefined;

/** The page, rendered once: it depends on the document and the catalogue only (250 KB of HTML). */
export function docsHtml(): Promise<string> {
  html ??= apiDocument().then(async (document) => {
    const page = DocsPage({
      document,
      rules: RULE_CATALOGUE,
      formats: FORMATS.map((name) => ({
        name,
        mediaType: FORMATTERS[name].mediaType,
        use: FORMAT_USES[name],
      })),
    });
    return `<!doctype html>${await page}`;
  });
  return html;
}

export function registerDocs(app: Hono<AppEnv>) {
  app.get('/docs', async (c) => {
    c.header('Content-Security-Policy', await contentSecurityPolicy());
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(await docsHtml());
  });
}
