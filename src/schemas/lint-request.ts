import { z } from '@hono/zod-openapi';
import { Network, Severity } from './common';

export const FORMATS = ['json'] as const;

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
        'Answer 422 (with the full report) when a finding at or above this severity exists or a file failed to parse',
    }),
    format: z.enum(FORMATS).default('json').openapi({ description: 'Report format' }),
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
  .openapi('LintEnvelope');
export type LintEnvelope = z.infer<typeof LintEnvelope>;
