/** POST /v1/lint, described: its options, bodies, answers and problems. */
import { createRoute, z } from '@hono/zod-openapi';
import { LIMITS } from '../../catalogue/limits';
import { ProblemError } from '../../http/problem';
import { rateLimited } from '../../http/rate-limit';
import { tooLarge } from '../../http/read-body';
import { emptyBody, tooManyFiles, unsupportedMediaType } from '../../http/read-uploads';
import { LintEnvelope, LintOptionsInput } from '../../schemas/lint-request';
import { Report } from '../../schemas/report';
import { EXAMPLE_UPLOAD } from '../example-upload';
import { HEADERS, problemResponses } from './common';

/**
 * The report in each format: the same content for 200 (linted) and 422 (failOn met). Its examples are
 * the example report, filled in by ../api-document.ts.
 */
const reportContent = {
  'application/json': { schema: Report },
  'application/sarif+json': {
    schema: z.looseObject({}).openapi({
      description:
        'SARIF 2.1.0 (https://json.schemastore.org/sarif-2.1.0.json): every rule in runs[0].tool.driver.rules, input errors in runs[0].invocations[0].toolExecutionNotifications, suppressed findings with SARIF suppressions',
    }),
  },
  'text/plain': {
    schema: z.string().openapi({ description: 'For a terminal; ANSI colours only with color=true' }),
  },
  'application/xml': {
    schema: z.string().openapi({
      description: 'JUnit XML: one testsuite per path, one testcase per rule, failures for findings',
    }),
  },
  'text/markdown': {
    schema: z.string().openapi({ description: 'A pull-request comment: verdict table, then findings' }),
  },
  'image/svg+xml': {
    schema: z.string().openapi({
      description:
        'A picture: the control plane and a node, each path an arrow coloured and labelled by its verdict',
    }),
  },
};

export const lintRoute = createRoute({
  method: 'post',
  path: '/v1/lint',
  operationId: 'lint',
  summary: 'Lint cluster configuration files',
  description:
    'Accepts one file as the raw body (multi-document YAML allowed), several as multipart/form-data (one part per file, its filename the path on the node), or the JSON envelope. Answers with the report: every communication path\'s verdict, the findings with file and line, and what could not be evaluated. The format comes from `format`, else from the Accept header\'s most preferred type, else JSON. Suppressions: `skipRules`/`rules`, or the annotation `kube-comms-lint.io/ignore: "rule-id,rule-id"` (reason in `kube-comms-lint.io/ignore-reason`) on the object a finding points at; suppressed findings are listed in `suppressed` and never count.',
  request: {
    query: LintOptionsInput,
    headers: z.object({
      accept: z.string().optional().openapi({
        description:
          'Chooses the format when `format` is absent: application/json, application/sarif+json, text/plain, application/xml (JUnit), text/markdown or image/svg+xml',
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
    ...problemResponses(
      '/v1/lint',
      ['OPTIONS', 'POST'],
      [
        new ProblemError(
          'invalid-option',
          'Option network: Invalid option: expected one of "untrusted"|"trusted".',
          {
            parameter: 'network',
          },
        ),
        new ProblemError(
          'unknown-rule',
          'Option skipRules: no rule has the id no-such-rule. GET /v1/rules lists them.',
          {
            parameter: 'skipRules',
            unknownRules: ['no-such-rule'],
          },
        ),
        emptyBody(),
        new ProblemError(
          'no-configuration-recognized',
          "None of the uploaded files holds a configuration kube-comms-lint reads. See each file's reason.",
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
        tooLarge(LIMITS.maxBodyBytes),
        tooManyFiles('201 files'),
        unsupportedMediaType('image/png'),
        rateLimited(60),
      ],
    ),
    422: {
      description:
        '`failOn` met (a finding at or above it, a file that failed to parse, or no path that could be assessed): the full report in the requested format, with summary.passed false',
      headers: HEADERS,
      content: reportContent,
    },
  },
});
