import { z } from '@hono/zod-openapi';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const Severity = z.enum(SEVERITIES).openapi('Severity');
export type Severity = z.infer<typeof Severity>;

export const PATH_IDS = [
  'node-to-control-plane',
  'apiserver-to-kubelet',
  'apiserver-to-nodes-pods-services',
  'ssh-tunnels',
  'konnectivity',
] as const;
export const PathId = z.enum(PATH_IDS).openapi('PathId');
export type PathId = z.infer<typeof PathId>;

export const Category = z.enum(['security', 'breakage']).openapi('Category');
export type Category = z.infer<typeof Category>;

export const Network = z.enum(['untrusted', 'trusted']).openapi('Network');
export type Network = z.infer<typeof Network>;

/** Where a value is set, or for a default, where the setting would go. Lines and columns are 1-based. */
export const Location = z
  .object({
    file: z.string().openapi({ example: '/etc/kubernetes/manifests/kube-apiserver.yaml' }),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    pointer: z.string().openapi({
      description: 'RFC 6901 JSON pointer into the document',
      example: '/spec/containers/0/command',
    }),
    document: z
      .number()
      .int()
      .min(0)
      .openapi({ description: '0-based index of the YAML document in the file' }),
    default: z.boolean().openapi({
      description: 'true when the value is a default: the location is where the setting would go',
    }),
  })
  .openapi('Location');
export type Location = z.infer<typeof Location>;
