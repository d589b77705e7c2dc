import { z } from '@hono/zod-openapi';
import { LIMITS } from '../catalogue/limits';
import { Network, PathId, Severity } from './common';
import { Finding } from './finding';

export const Verdict = z
  .enum(['secure', 'at-risk', 'insecure', 'not-configured', 'not-assessed'])
  .openapi('Verdict');
export type Verdict = z.infer<typeof Verdict>;

export const PathVerdict = z
  .object({
    id: PathId,
    verdict: Verdict,
    findings: z.number().int(),
    reason: z.string(),
    basis: z.enum(['certificates', 'flags']).openapi({
      description:
        "certificates: the path's certificates were uploaded and checked (chains with WebCrypto, names, identities, expiry); flags: the verdict rests on flags and fields alone",
    }),
  })
  .openapi('PathVerdict');
export type PathVerdict = z.infer<typeof PathVerdict>;

export const InputDocument = z
  .object({
    index: z.number().int().min(0),
    pointer: z.string().openapi({ description: "'' for a whole document, /items/N for an item of a List" }),
    line: z.number().int().min(1),
    kind: z.string().openapi({ example: 'KubeletConfiguration' }),
    component: z.string().nullable().openapi({ example: 'kubelet' }),
    role: z
      .string()
      .nullable()
      .openapi({ description: 'For kubeconfigs: the client that uses it', example: 'kubelet' }),
    recognized: z.boolean(),
    note: z.string().nullable().openapi({ description: 'Why a document was not used, or how it was read' }),
  })
  .openapi('InputDocument');
export type InputDocument = z.infer<typeof InputDocument>;

export const InputError = z
  .object({ message: z.string(), line: z.number().int().min(1), column: z.number().int().min(1) })
  .openapi('InputError');
export type InputError = z.infer<typeof InputError>;

export const InputFile = z
  .object({ file: z.string(), documents: z.array(InputDocument), errors: z.array(InputError) })
  .openapi('InputFile');
export type InputFile = z.infer<typeof InputFile>;

export const NotEvaluated = z.object({ ruleId: z.string(), reason: z.string() }).openapi('NotEvaluated');
export type NotEvaluated = z.infer<typeof NotEvaluated>;

export const ReportOptions = z
  .object({
    network: Network,
    kubernetesVersion: z.string().nullable().openapi({ example: '1.31' }),
    kubernetesVersionSource: z.string().nullable().openapi({
      description: 'Where the version came from: the request option, or the file that showed it',
    }),
    // A union, not Severity.nullable(): that makes the shared Severity component itself nullable.
    failOn: z.union([Severity, z.null()]),
    rules: z
      .array(z.string())
      .nullable()
      .openapi({ description: 'The `rules` option: only these rules count; null when every rule does' }),
    skipRules: z.array(z.string()).openapi({ description: 'The `skipRules` option' }),
    asOf: z.string().openapi({
      description:
        'The time certificates were judged at (RFC 3339, UTC): the `asOf` option, or the time of the request',
      example: '2026-06-01T00:00:00.000Z',
    }),
    certificateWarningDays: z.number().int().openapi({
      description: 'The `certificateWarningDays` option: certificates expiring sooner are reported',
      example: 30,
    }),
  })
  .openapi('ReportOptions');

export const Suppression = z
  .object({
    source: z.enum(['option', 'annotation']).openapi({
      description:
        "option: the request's skipRules or rules; annotation: kube-comms-lint.io/ignore on the object the finding points at",
    }),
    reason: z.string().nullable().openapi({
      description:
        'kube-comms-lint.io/ignore-reason for an annotation (null when absent); the option for a request',
      example: 'the kubelets serve certificates signed by our CA; tracked in OPS-123',
    }),
  })
  .openapi('Suppression');
export type Suppression = z.infer<typeof Suppression>;

export const SuppressedFinding = Finding.extend({ suppression: Suppression }).openapi('SuppressedFinding');
export type SuppressedFinding = z.infer<typeof SuppressedFinding>;

export const OmittedFindings = z
  .object({
    ruleId: z.string(),
    findings: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Findings of the rule not listed in `findings`' }),
    suppressed: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Suppressed findings of the rule not listed in `suppressed`' }),
  })
  .openapi('OmittedFindings');
export type OmittedFindings = z.infer<typeof OmittedFindings>;

export const Report = z
  .object({
    tool: z.object({ name: z.literal('kube-comms-lint'), version: z.string(), rulesetVersion: z.string() }),
    options: ReportOptions,
    summary: z.object({
      findings: z.number().int(),
      bySeverity: z.object({
        critical: z.number().int(),
        high: z.number().int(),
        medium: z.number().int(),
        low: z.number().int(),
        info: z.number().int(),
      }),
      inputErrors: z.number().int(),
      suppressed: z.number().int().openapi({
        description: 'Findings suppressed by option or annotation: not in findings, verdicts or failOn',
      }),
      assessedPaths: z.number().int().min(0).max(5).openapi({
        description:
          'How many of the five paths got a verdict other than not-assessed: 0 means nothing could be judged',
      }),
      passed: z.boolean().openapi({
        description:
          'false when a finding at or above failOn (default: low) exists, a file could not be parsed, or no path could be assessed (assessedPaths 0)',
      }),
      toUpload: z.array(z.string()).openapi({
        description:
          'What to upload so that the paths not assessed can be judged, most useful first; empty when every path was assessed',
        example: [
          "the kube-apiserver's configuration: its static pod manifest (/etc/kubernetes/manifests/kube-apiserver.yaml), its command line, or your distribution's files (README, What to upload)",
        ],
      }),
    }),
    paths: z.array(PathVerdict),
    inputs: z.array(InputFile),
    coverage: z.object({ evaluated: z.array(z.string()), notEvaluated: z.array(NotEvaluated) }),
    findings: z.array(Finding),
    suppressed: z.array(SuppressedFinding).openapi({
      description: 'Accepted risks: findings suppressed by option or annotation, never silently dropped',
    }),
    omitted: z.array(OmittedFindings).openapi({
      description: `The answer's size cap: \`findings\` and \`suppressed\` list at most ${LIMITS.maxFindingsPerRule} findings of one rule each (the first in report order); the others are counted here, per rule, and still count everywhere else (summary, verdicts, failOn). Empty when nothing was left out.`,
    }),
  })
  .openapi('Report');
export type Report = z.infer<typeof Report>;
