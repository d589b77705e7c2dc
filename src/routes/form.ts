/**
 * The embedded web form (issue 8): GET / serves it, POST /report lints what it posts and answers with
 * the server-rendered report page, POST /report/download turns that report into a file (JSON, SARIF,
 * the SVG picture), and /ui/app.css and /ui/app.js are its only assets, same-origin.
 *
 * Every answer here carries a strict Content-Security-Policy and the usual secure headers, and errors
 * are pages too (4xx with the reason, never a 500 for any input). Uploads are never echoed: the page
 * shows the report only, which is redacted, and the textarea comes back empty.
 * @module
 */
import type { Context } from 'hono';
import type { Hono } from 'hono/tiny';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { maxBodyBytes, type AppEnv } from '../http/env';
import { lintRequest } from '../http/lint-request';
import { ProblemError } from '../http/problem';
import { readBody } from '../http/read-body';
import { RULE_CATALOGUE, withRuleFields } from '../lint';
import { FORMATTERS } from '../report/formats';
import { Report, type Report as ReportType } from '../schemas/report';
import { SCRIPT } from '../ui/assets/script';
import { STYLE } from '../ui/assets/style';
import { ASSETS, LintForm, renderPage } from '../ui/page';
import { ErrorSection, ReportSection, type DownloadFormat } from '../ui/report-view';
import { renderSvg } from '../report/formats/svg';
import { redactReport } from '../security/redact-report';

/** Nothing loads but this origin's stylesheet and script; no inline code, no frames, no other origins. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const SECURE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** What the download buttons offer. */
const DOWNLOADS: DownloadFormat[] = [
  { format: 'json', label: 'Download JSON' },
  { format: 'sarif', label: 'Download SARIF' },
  { format: 'svg', label: 'Download SVG' },
];

/** A Map: the format is the client's word, so `constructor` or `__proto__` is simply not one of them. */
const DOWNLOAD_TYPES = new Map([
  ['json', { mediaType: 'application/json', extension: 'json' }],
  ['sarif', { mediaType: 'application/sarif+json', extension: 'sarif' }],
  ['svg', { mediaType: 'image/svg+xml', extension: 'svg' }],
]);

type FormContext = Context<AppEnv>;

function secure(c: FormContext, cache = 'no-store') {
  for (const [name, value] of Object.entries(SECURE_HEADERS)) c.header(name, value);
  c.header('Cache-Control', cache);
}

async function page(c: FormContext, title: string, sections: Child, status: ContentfulStatusCode = 200) {
  secure(c);
  return c.html(await renderPage(title, sections), status);
}

function errorPage(c: FormContext, error: ProblemError) {
  const files = Array.isArray(error.extras.files)
    ? (error.extras.files as Array<{ file: string; reason: string; line?: number }>)
    : undefined;
  return page(
    c,
    `${error.title} — kube-comms-lint`,
    [
      ErrorSection({ title: error.title, detail: error.detail, files }),
      LintForm({ again: true, maxBytes: maxBodyBytes(c.env) }),
    ],
    error.status,
  );
}

/** The report in a download format: a pure function of the report, like the API's formatters. */
export function renderDownload(format: string, report: ReportType): string | undefined {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'svg') return renderSvg(report);
  // Own properties only: `constructor` or `toString` is no format.
  if (!Object.hasOwn(FORMATTERS, format)) return undefined;
  return FORMATTERS[format as keyof typeof FORMATTERS].render(report, { rules: RULE_CATALOGUE });
}

export function registerForm(app: Hono<AppEnv>) {
  app.get('/', (c) =>
    page(
      c,
      'kube-comms-lint: lint control plane ↔ node communication',
      LintForm({ maxBytes: maxBodyBytes(c.env) }),
    ),
  );

  // A reload or a bookmark of the result page: the report is not kept, so back to the form.
  app.get('/report', (c) => {
    secure(c);
    return c.redirect('/', 303);
  });

  app.post('/report', async (c) => {
    try {
      const { report } = await lintRequest(c.req.raw, c.env, {}, 'form');
      const title = `Report: ${report.summary.findings} finding${report.summary.findings === 1 ? '' : 's'} — kube-comms-lint`;
      return await page(c, title, [
        ReportSection({ report, downloads: DOWNLOADS }),
        LintForm({ again: true, maxBytes: maxBodyBytes(c.env) }),
      ]);
    } catch (error) {
      if (error instanceof ProblemError) return errorPage(c, error);
      return errorPage(
        c,
        new ProblemError(
          'internal-error',
          'kube-comms-lint failed on these files. This is a bug; please report it with the rule ids involved, not your files.',
        ),
      );
    }
  });

  app.post('/report/download', async (c) => {
    try {
      const body = await readBody(c.req.raw, c.env);
      const form = new URLSearchParams(new TextDecoder().decode(body));
      const format = form.get('format') ?? 'json';
      let parsed: ReturnType<typeof Report.safeParse> | undefined;
      try {
        parsed = Report.safeParse(withRuleFields(JSON.parse(form.get('report') ?? '')));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        throw new ProblemError(
          'invalid-report',
          'Lint your files first, then use the download buttons under the report.',
        );
      }
      // The report comes back from the client: redacted again, like anything derived from an upload.
      const output = renderDownload(format, redactReport(parsed.data));
      const type = DOWNLOAD_TYPES.get(format);
      if (output === undefined || !type) {
        throw new ProblemError(
          'invalid-option',
          'There is no download in that format: choose JSON, SARIF or SVG.',
        );
      }
      secure(c);
      c.header('Content-Disposition', `attachment; filename="kube-comms-lint-report.${type.extension}"`);
      return c.body(output, 200, { 'Content-Type': type.mediaType });
    } catch (error) {
      if (error instanceof ProblemError) return errorPage(c, error);
      throw error;
    }
  });

  app.get(ASSETS.style, (c) => {
    secure(c, 'public, max-age=3600');
    return c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get(ASSETS.script, (c) => {
    secure(c, 'public, max-age=3600');
    return c.body(SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
}
