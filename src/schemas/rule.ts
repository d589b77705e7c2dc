import { z } from '@hono/zod-openapi';
import { Category, PathId, Severity } from './common';

export const RuleInfo = z
  .object({
    id: z.string().openapi({ example: 'kubelet-anonymous-auth-enabled' }),
    path: PathId.openapi({
      description: 'The path the rule judges; for a rule of several paths, the first of `paths`',
    }),
    paths: z.array(PathId).openapi({
      description:
        'Every path the rule judges; a rule of several (a startup failure of any component) names the path in each finding',
    }),
    severity: Severity,
    trustedSeverity: Severity.openapi({ description: 'Severity when the request says network=trusted' }),
    category: Category,
    title: z.string(),
    description: z.string(),
    remediation: z.string(),
    links: z.array(z.url()),
    references: z.array(z.string()),
    requires: z
      .array(z.string())
      .openapi({ description: 'Inputs the rule needs; without them it is not evaluated' }),
  })
  .openapi('Rule');
export type RuleInfo = z.infer<typeof RuleInfo>;

export const RuleList = z
  .object({ rulesetVersion: z.string(), rules: z.array(RuleInfo) })
  .openapi('RuleList');

export const PathInfo = z
  .object({
    id: PathId,
    title: z.string(),
    description: z.string(),
    link: z.url(),
    needs: z.string().openapi({ description: 'What must be uploaded before the path can be judged' }),
    rules: z.array(z.string()),
  })
  .openapi('Path');
export type PathInfo = z.infer<typeof PathInfo>;
export const PathList = z.object({ paths: z.array(PathInfo) }).openapi('PathList');
