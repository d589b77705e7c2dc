/** POST /v1/lint: lint uploaded configuration files and answer with the report, in the format asked for. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { maxBodyBytes, type AppEnv } from '../http/env';
import { limitNamed } from '../http/limit-named';
import { chooseFormat } from '../http/negotiate';
import { ProblemError } from '../http/problem';
import { readBody } from '../http/read-body';
import { readUploads } from '../http/read-uploads';
import { LimitError, RULE_CATALOGUE, lint, lintOptionsFrom, whyNothingRecognized } from '../lint';
import { FORMATTERS } from '../report/formats';
import { LintEnvelope, LintOptionsInput } from '../schemas/lint-request';
import type { Report as ReportType } from '../schemas/report';
import { Report } from '../schemas/report';
import { HEADERS, problemResponse } from './common';
import { EXAMPLE_REPORT, EXAMPLE_UPLOAD, exampleIn, exampleProblem } from './examples';

/** The report in each format: the same content for 200 (linted) and 422 (failOn met). */
const reportContent = {
  'application/json': { schema: Report, example: EXAMPLE_REPORT },
  'application/sarif+json': {
    schema: z.looseObject({}).openapi({
      description:
        'SARIF 2.1.0 (https://json.schemastore.org/sarif-2.1.0.json): every rule in runs[0].tool.driver.rules, input errors in runs[0].invocations[0].toolExecutionNotifications, suppressed findings with SARIF suppressions',
    }),
    example: JSON.parse(exampleIn('sarif')) as Record<string, unknown>,
  },
  'text/plain': {
    schema: z.string().openapi({ description: 'For a terminal; ANSI colours only with color=true' }),
    example: exampleIn('text'),
  },
  'application/xml': {
    schema: z.string().openapi({
      description: 'JUnit XML: one testsuite per path, one testcase per rule, failures for findings',
    }),
    example: exampleIn('junit'),
  },
  'text/markdown': {
    schema: z.string().openapi({ description: 'A pull-request comment: verdict table, then findings' }),
    example: exampleIn('markdown'),
  },
};

export const lintRoute = createRoute({
  method: 'post',
  path: '/v1/lint',
  summary: 'Lint cluster configuration files',
  description:
    'Accepts one file as the raw body (multi-document YAML allowed), several as multipart/form-data (one part per file, its filename the path on the node), or the JSON envelope. Answers with the report: every communication path\'s verdict, the findings with file and line, and what could not be evaluated. The format comes from `format`, else from the Accept header\'s most preferred type, else JSON. Suppressions: `skipRules`/`rules`, or the annotation `kube-comms-lint.io/ignore: "rule-id,rule-id"` (reason in `kube-comms-lint.io/ignore-reason`) on the object a finding points at; suppressed findings are listed in `suppressed` and never count.',
  request: {
    query: LintOptionsInput,
    headers: z.object({
      accept: z.string().optional().openapi({
        description:
          'Chooses the format when `format` is absent: application/json, application/sarif+json, text/plain, application/xml (JUnit) or text/markdown',
        example: 'application/sarif+json',
      }),
      'x-request-id': z.string().optional().openapi({
        description: 'Echoed in the answer when it is 1-128 characters of [A-Za-z0-9_=-]',
      }),
    }),
    body: {
      required: true,
      content: {
        'application/yaml': { schema: z.string(), example: EXAMPLE_UPLOAD },
        'text/plain': {
          schema: z.string().openapi({ description: 'A process command line or kubelet flags file' }),
          example:
            '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf --read-only-port=10255\n',
        },
        'multipart/form-data': {
          schema: z.object({
            file: z.array(z.string().openapi({ format: 'binary' })).openapi({
              description: "One part per file; the part's filename is the file's path on the node",
            }),
          }),
        },
        'application/json': { schema: LintEnvelope },
      },
    },
  },
  responses: {
    200: { description: 'Linted', headers: HEADERS, content: reportContent },
    400: problemResponse(
      'Unusable request: bad option, unknown rule id, malformed envelope or multipart, empty body, or no Kubernetes configuration recognized in any file',
      {
        invalidOption: exampleProblem(
          'invalid-option',
          400,
          'Invalid option',
          'Option network: Invalid option: expected one of "untrusted"|"trusted".',
          {
            parameter: 'network',
          },
        ),
        unknownRule: exampleProblem(
          'unknown-rule',
          400,
          'Unknown rule id',
          'Option skipRules: no rule has the id no-such-rule. GET /v1/rules lists them.',
          { parameter: 'skipRules', unknownRules: ['no-such-rule'] },
        ),
        noConfiguration: exampleProblem(
          'no-configuration-recognized',
          400,
          'No Kubernetes configuration recognized',
          "None of the uploaded files holds a configuration kube-comms-lint reads. See `files` for each file's reason.",
          {
            files: [
              {
                file: 'body.yaml',
                reason: 'YAML syntax error: unexpected end of the stream',
                line: 5,
                column: 1,
              },
            ],
          },
        ),
      },
    ),
    413: problemResponse(
      'Over a limit (body size, files, documents, YAML nodes, characters; see the README); `limit` names it',
      {
        tooLarge: exampleProblem(
          'payload-too-large',
          413,
          'Request body too large',
          'The body is larger than 5242880 bytes (limit maxBodyBytes). Lint fewer files per request.',
          { limit: 'maxBodyBytes' },
        ),
      },
    ),
    429: problemResponse(
      'Rate limited (public deployment): too many lint requests from this client; Retry-After says when to retry',
      {
        rateLimited: exampleProblem(
          'rate-limited',
          429,
          'Too many requests',
          'This client sent more lint requests than this deployment allows per 60 seconds. Retry after 60 seconds, or lint more files per request.',
          { limit: 'rateLimit' },
        ),
      },
    ),
    415: problemResponse('Unsupported media type', {
      unsupported: exampleProblem(
        'unsupported-media-type',
        415,
        'Unsupported media type',
        'image/png is not accepted. Send application/yaml, application/json, text/plain or multipart/form-data.',
      ),
    }),
    422: {
      description:
        '`failOn` met (a finding at or above it, a file that failed to parse, or no path that could be assessed): the full report in the requested format, with summary.passed false',
      headers: HEADERS,
      content: reportContent,
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
    const format = chooseFormat(options.format, c.req.header('accept'));
    let report: ReportType;
    try {
      report = await lint(uploads, lintOptionsFrom(options));
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
    const unusable = whyNothingRecognized(report);
    if (unusable) {
      throw new ProblemError(
        400,
        'no-configuration-recognized',
        'No Kubernetes configuration recognized',
        "None of the uploaded files holds a configuration kube-comms-lint reads. See `files` for each file's reason.",
        { files: unusable, ...limitNamed(unusable) },
      );
    }
    const formatter = FORMATTERS[format];
    const output = formatter.render(report, {
      rules: RULE_CATALOGUE,
      color: options.color === true || options.color === 'true',
    });
    return c.body(output, options.failOn && !report.summary.passed ? 422 : 200, {
      'Content-Type': formatter.mediaType,
      Vary: 'Accept',
    });
  });
}
