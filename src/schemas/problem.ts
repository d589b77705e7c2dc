import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details, with the extension members this API adds. */
export const Problem = z
  .object({
    type: z.string().openapi({
      description: 'The problem type: a URI reference to its entry in the problem list of /docs',
      example: '/docs#problem-payload-too-large',
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    limit: z
      .string()
      .optional()
      .openapi({ description: 'The limit that was exceeded', example: 'maxBodyBytes' }),
    files: z
      .array(
        z.object({
          file: z.string(),
          reason: z.string(),
          line: z.number().int().optional(),
          column: z.number().int().optional(),
        }),
      )
      .optional()
      .openapi({ description: 'Per-file reasons when no file could be used' }),
    parameter: z.string().optional().openapi({ description: 'The request option that was wrong' }),
    unknownRules: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Rule ids in rules/skipRules that no rule has', example: ['no-such-rule'] }),
    requestId: z
      .string()
      .optional()
      .openapi({ description: 'The X-Request-Id of this answer, to quote when reporting a problem' }),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;
