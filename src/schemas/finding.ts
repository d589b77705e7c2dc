import { z } from '@hono/zod-openapi';
import { Category, Location, PathId, Severity } from './common';

export const Finding = z
  .object({
    ruleId: z.string().openapi({ example: 'apiserver-kubelet-certificate-authority-missing' }),
    path: PathId,
    severity: Severity,
    category: Category,
    title: z.string(),
    message: z.string().openapi({ description: 'Names the component, the setting and the value found' }),
    subject: z.string().openapi({
      description: 'The component or object the finding is about',
      example: 'kubelet on node worker-1',
    }),
    location: Location.extend({
      node: z.string().nullable().openapi({
        description:
          "The node the finding is on, when the upload shows it: the folder its files were uploaded under (worker-1/var/lib/...), the kubelet's --hostname-override, or its kubeconfig user system:node:<name>",
        example: 'worker-1',
      }),
    }).openapi('FindingLocation'),
    related: z.array(Location).openapi({ description: 'Other places that take part in the finding' }),
    evidence: z.string().openapi({ description: 'The setting as found, with secret values redacted' }),
    severityReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why the severity differs from the rule default, if it does' }),
    remediation: z.string(),
    links: z.array(z.url()),
    references: z.array(z.string()),
    fingerprint: z
      .string()
      .openapi({ description: 'Stable across runs for the same problem at the same place' }),
  })
  .openapi('Finding');
export type Finding = z.infer<typeof Finding>;
