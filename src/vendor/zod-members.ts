/** The zod functions and classes the Worker and @hono/zod-openapi use (see ./zod.ts). */
export {
  ZodError,
  ZodType,
  array,
  boolean,
  coerce,
  enum,
  iso,
  literal,
  looseObject,
  null,
  number,
  object,
  string,
  union,
  url,
} from 'zod/v4';
