import { z } from '@hono/zod-openapi';
import { Network, Severity } from './common';

/** Report formats of POST /v1/lint; each has one formatter in src/report/formats/. */
export const FORMATS = ['json', 'sarif', 'text', 'junit', 'markdown', 'svg'] as const;
export const Format = z.enum(FORMATS).openapi('Format');
export type Format = z.infer<typeof Format>;

/** A yes/no option: a JSON boolean, or `true`/`false` as a query parameter or form field. */
const Flag = z.union([z.boolean(), z.enum(['true', 'false'])]);

/** Whether a yes/no option is on. */
export const isOn = (flag: boolean | 'true' | 'false' | undefined) => flag === true || flag === 'true';

const RULE_LIST = /^[a-z0-9-]+(,[a-z0-9-]+)*$/;

/** Options of POST /v1/lint, as query parameters (or `options` in the JSON envelope). */
export const LintOptionsInput = z
  .object({
    network: Network.default('untrusted').openapi({
      description:
        "Whether the network between control plane and nodes is trusted; the docs' premise (and the default) is untrusted",
    }),
    kubernetesVersion: z
      .string()
      .regex(/^v?1\.\d{1,2}(\.\d{1,3})?$/, 'a Kubernetes version such as 1.31 or v1.31.2')
      .optional()
      .openapi({
        description: "The cluster's Kubernetes version; detected from image tags when absent",
        example: '1.31',
      }),
    failOn: Severity.optional().openapi({
      description:
        'Answer 422 (with the full report, in the requested format) when a finding at or above this severity exists or a file failed to parse. Suppressed findings never count.',
    }),
    format: Format.optional().openapi({
      description:
        'Report format. When absent, the most preferred type of the Accept header decides (application/json, application/sarif+json, text/plain, application/xml for JUnit, text/markdown); otherwise json.',
      example: 'sarif',
    }),
    rules: z
      .string()
      .regex(RULE_LIST, 'comma-separated rule ids, such as kubelet-read-only-port-enabled')
      .optional()
      .openapi({
        description:
          'Only these rules (comma-separated ids) count; the findings of every other rule are listed under `suppressed`. An unknown id is a 400.',
        example: 'kubelet-anonymous-auth-enabled,kubelet-read-only-port-enabled',
      }),
    skipRules: z
      .string()
      .regex(RULE_LIST, 'comma-separated rule ids, such as kubelet-read-only-port-enabled')
      .optional()
      .openapi({
        description:
          'Rules (comma-separated ids) whose findings are accepted risks: listed under `suppressed`, counted in summary.suppressed, never in verdicts or failOn. An unknown id is a 400.',
        example: 'proxy-traffic-unprotected',
      }),
    asOf: z.iso
      .datetime({ offset: true, error: 'an RFC 3339 time such as 2026-06-01T00:00:00Z' })
      .optional()
      .openapi({
        description:
          'When certificates are judged: expired, not yet valid, expiring within certificateWarningDays. Default: the time of the request. Echoed in report.options.asOf, so a report can be reproduced.',
        example: '2026-06-01T00:00:00Z',
      }),
    certificateWarningDays: z.coerce
      .number()
      .int('a whole number of days')
      .min(0)
      .max(3650)
      .optional()
      .openapi({
        type: 'integer',
        description:
          'certificate-expiring-soon reports a certificate that expires within this many days of asOf (default 30)',
        example: 30,
      }),
    color: Flag.optional().openapi({
      description: 'format=text only: ANSI colours for a terminal (off by default)',
    }),
    width: z.coerce.number().int().min(40).max(400).optional().openapi({
      description: 'format=text only: wrap lines at this many characters (default 100)',
      example: 100,
    }),
    compact: Flag.optional().openapi({
      description:
        'format=text only: the findings only, one line each (`file:line:column severity rule-id message`), for CI logs',
    }),
    verbose: Flag.optional().openapi({
      description:
        'format=text only: list every rule that was not evaluated and why, instead of one summary line',
    }),
    pretty: Flag.optional().openapi({
      description: 'format=json and format=sarif: indented JSON for people (compact by default)',
    }),
    filename: z.string().max(1024).optional().openapi({
      description: 'Name (path on the node) of a raw body',
      example: '/etc/kubernetes/manifests/kube-apiserver.yaml',
    }),
  })
  .openapi('LintOptions');
export type LintOptionsInput = z.infer<typeof LintOptionsInput>;

export const LintEnvelope = z
  .object({
    files: z
      .array(
        z.object({
          name: z.string().min(1).max(1024).openapi({ example: '/var/lib/kubelet/config.yaml' }),
          content: z
            .string()
            .openapi({ example: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n' }),
        }),
      )
      .min(1),
    options: LintOptionsInput.omit({ filename: true }).partial().optional(),
  })
  .openapi('LintEnvelope', {
    example: {
      files: [
        {
          name: '/var/lib/kubelet/config.yaml',
          content:
            'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
        },
      ],
      options: { network: 'trusted', format: 'sarif', failOn: 'high' },
    },
  });
export type LintEnvelope = z.infer<typeof LintEnvelope>;
