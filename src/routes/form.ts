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
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { maxBodyBytes, type AppEnv } from '../http/env';
import { ProblemError } from '../http/problem';
import { limitNamed } from '../http/limit-named';
import { discardBody, readBody } from '../http/read-body';
import { checkPartCount, parseOptions, partName } from '../http/read-uploads';
import { LimitError, RULE_CATALOGUE, lint, lintOptionsFrom, type Upload } from '../lint';
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

/** The options the form sends; an empty field means the option is not set. */
const FORM_OPTIONS = new Set(['network', 'kubernetesVersion', 'asOf', 'certificateWarningDays']);

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
    [ErrorSection({ title: error.title, detail: error.detail, files }), LintForm({ again: true })],
    error.status,
  );
}

/** The form's multipart body as uploads and options; browser forms send empty fields, which mean "unset". */
async function readForm(
  c: FormContext,
): Promise<{ uploads: Upload[]; options: ReturnType<typeof parseOptions> }> {
  const contentType = c.req.header('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') {
    await discardBody(c.req.raw);
    throw new ProblemError(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      'The form sends multipart/form-data; to send a file on its own, use POST /v1/lint.',
    );
  }
  const body = await readBody(c.req.raw, maxBodyBytes(c.env));
  checkPartCount(contentType, body);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw new ProblemError(
      400,
      'malformed-multipart',
      'Malformed form',
      'The form could not be read. Please send it again.',
    );
  }
  const uploads: Upload[] = [];
  const fields: Record<string, string> = {};
  for (const [field, entry] of form.entries()) {
    const value = entry as unknown as File | string; // workers-types declares string values only
    if (typeof value !== 'string') {
      const bytes = new Uint8Array(await value.arrayBuffer());
      if (bytes.byteLength === 0 && !value.name) continue; // an empty file input
      uploads.push({ name: partName(value.name || field), content: bytes });
    } else if (field === 'content') {
      if (value.trim() !== '') uploads.push({ name: 'pasted.yaml', content: value });
    } else if (FORM_OPTIONS.has(field) && value.trim() !== '') {
      fields[field] = value.trim();
    }
  }
  if (uploads.length === 0) {
    throw new ProblemError(
      400,
      'no-files',
      'Nothing to lint',
      'Choose one or more configuration files, drop them on the page, or paste a configuration, then press Lint.',
    );
  }
  return { uploads, options: parseOptions(fields) };
}

function whyUnusable(file: ReportType['inputs'][number]): { file: string; reason: string; line?: number } {
  const error = file.errors[0];
  if (error) return { file: file.file, reason: error.message, line: error.line };
  const doc = file.documents[0];
  if (doc)
    return {
      file: file.file,
      reason: `${doc.kind}: ${doc.note ?? 'not a configuration kube-comms-lint reads'}`,
      line: doc.line,
    };
  return { file: file.file, reason: 'no YAML or JSON document in the file' };
}

async function lintForm(c: FormContext): Promise<ReportType> {
  const { uploads, options } = await readForm(c);
  let report: ReportType;
  try {
    // The form's options are API options (network, kubernetesVersion, asOf, certificateWarningDays): the
    // same mapping as the API's, with failOn left out (the page shows every finding).
    report = await lint(uploads, { ...lintOptionsFrom(options), failOn: null });
  } catch (error) {
    if (error instanceof LimitError) {
      throw new ProblemError(
        413,
        'limit-exceeded',
        'Too much at once',
        `${error.message} (limit ${error.limit}). Lint fewer files at a time.`,
        {
          limit: error.limit,
        },
      );
    }
    throw error;
  }
  if (report.inputs.every((file) => !file.documents.some((doc) => doc.recognized))) {
    const files = report.inputs.map(whyUnusable);
    throw new ProblemError(
      400,
      'no-configuration-recognized',
      'No Kubernetes configuration recognized',
      'None of these files holds a configuration kube-comms-lint reads. For each file, the reason:',
      { files, ...limitNamed(files) },
    );
  }
  return report;
}

/** The report in a download format: a pure function of the report, like the API's formatters. */
export function renderDownload(format: string, report: ReportType): string | undefined {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'svg') return renderSvg(report);
  // Own properties only: `constructor` or `toString` is no format.
  if (!Object.hasOwn(FORMATTERS, format)) return undefined;
  return FORMATTERS[format as keyof typeof FORMATTERS].render(report, { rules: RULE_CATALOGUE });
}

export function registerForm(app: OpenAPIHono<AppEnv>) {
  app.get('/', (c) => page(c, 'kube-comms-lint: lint control plane ↔ node communication', LintForm({})));

  // A reload or a bookmark of the result page: the report is not kept, so back to the form.
  app.get('/report', (c) => {
    secure(c);
    return c.redirect('/', 303);
  });

  app.post('/report', async (c) => {
    try {
      const report = await lintForm(c);
      const title = `Report: ${report.summary.findings} finding${report.summary.findings === 1 ? '' : 's'} — kube-comms-lint`;
      return await page(c, title, [
        ReportSection({ report, downloads: DOWNLOADS }),
        LintForm({ again: true }),
      ]);
    } catch (error) {
      if (error instanceof ProblemError) return errorPage(c, error);
      return errorPage(
        c,
        new ProblemError(
          500,
          'internal-error',
          'Internal error',
          'kube-comms-lint failed on these files. This is a bug; please report it with the rule ids involved, not your files.',
        ),
      );
    }
  });

  app.post('/report/download', async (c) => {
    try {
      const body = await readBody(c.req.raw, maxBodyBytes(c.env));
      const form = new URLSearchParams(new TextDecoder().decode(body));
      const format = form.get('format') ?? 'json';
      let parsed: ReturnType<typeof Report.safeParse> | undefined;
      try {
        parsed = Report.safeParse(JSON.parse(form.get('report') ?? ''));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        throw new ProblemError(
          400,
          'invalid-report',
          'No report to download',
          'Lint your files first, then use the download buttons under the report.',
        );
      }
      // The report comes back from the client: redacted again, like anything derived from an upload.
      const output = renderDownload(format, redactReport(parsed.data));
      const type = DOWNLOAD_TYPES.get(format);
      if (output === undefined || !type) {
        throw new ProblemError(
          400,
          'invalid-option',
          'Unknown format',
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
