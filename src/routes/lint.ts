/** POST /v1/lint: lint uploaded configuration files and answer with the report. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { maxBodyBytes, type AppEnv } from '../http/env';
import { ProblemError } from '../http/problem';
import { readBody } from '../http/read-body';
import { readUploads } from '../http/read-uploads';
import { LimitError, lint } from '../lint';
import { LintEnvelope, LintOptionsInput } from '../schemas/lint-request';
import { Problem } from '../schemas/problem';
import type { Report as ReportType } from '../schemas/report';
import { Report } from '../schemas/report';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

export const lintRoute = createRoute({
  method: 'post',
  path: '/v1/lint',
  summary: 'Lint cluster configuration files',
  description:
    "Accepts one file as the raw body (multi-document YAML allowed), several as multipart/form-data (one part per file, its filename the path on the node), or the JSON envelope. Answers with the report: every communication path's verdict, the findings with file and line, and what could not be evaluated.",
  request: {
    query: LintOptionsInput,
    body: {
      required: true,
      content: {
        'application/yaml': {
          schema: z.string().openapi({
            example:
              'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
          }),
        },
        'text/plain': {
          schema: z.string().openapi({ description: 'A process command line or kubelet flags file' }),
        },
        'multipart/form-data': {
          schema: z.object({
            file: z
              .array(z.string().openapi({ format: 'binary' }))
              .openapi({ description: 'One part per file' }),
          }),
        },
        'application/json': { schema: LintEnvelope },
      },
    },
  },
  responses: {
    200: { description: 'Linted', content: { 'application/json': { schema: Report } } },
    400: problem(
      'Unusable request: bad option, malformed envelope or multipart, empty body, or no Kubernetes configuration recognized in any file',
    ),
    413: problem('Body, file count or document count over a limit; `limit` names it'),
    415: problem('Unsupported media type'),
    422: {
      description: '`failOn` met: the full report, with summary.passed false',
      content: { 'application/json': { schema: Report } },
    },
  },
});

export function registerLint(app: OpenAPIHono<AppEnv>) {
  // Documented from the route, handled by hand: YAML, text and multipart bodies are not validated by
  // zod-openapi, and the body must be size-checked before anything reads it.
  app.openAPIRegistry.registerPath(lintRoute);
  app.post('/v1/lint', async (c) => {
    const body = await readBody(c.req.raw, maxBodyBytes(c.env));
    const { uploads, options } = await readUploads(c.req.header('content-type'), body, c.req.query());
    let report: ReportType;
    try {
      report = lint(uploads, {
        network: options.network,
        kubernetesVersion:
          options.kubernetesVersion?.replace(/^v/, '').split('.').slice(0, 2).join('.') ?? null,
        failOn: options.failOn ?? null,
      });
    } catch (error) {
      if (error instanceof LimitError) {
        throw new ProblemError(
          413,
          'limit-exceeded',
          'Request over a limit',
          `${error.message} (limit ${error.limit}).`,
          { limit: error.limit },
        );
      }
      throw error;
    }
    const unusable = report.inputs.every((file) => !file.documents.some((doc) => doc.recognized));
    if (unusable) {
      throw new ProblemError(
        400,
        'no-configuration-recognized',
        'No Kubernetes configuration recognized',
        "None of the uploaded files holds a configuration kube-comms-lint reads. See `files` for each file's reason.",
        { files: report.inputs.map(whyUnusable) },
      );
    }
    return c.json(report, options.failOn && !report.summary.passed ? 422 : 200);
  });
}

function whyUnusable(file: ReportType['inputs'][number]): {
  file: string;
  reason: string;
  line?: number;
  column?: number;
} {
  const error = file.errors[0];
  if (error) return { file: file.file, reason: error.message, line: error.line, column: error.column };
  const doc = file.documents[0];
  if (doc) return { file: file.file, reason: `${doc.kind}: ${doc.note ?? 'not recognized'}`, line: doc.line };
  return { file: file.file, reason: 'no YAML or JSON document in the file' };
}
