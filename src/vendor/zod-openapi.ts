/**
 * The Worker bundle's `@hono/zod-openapi` (wrangler.toml `[alias]`; TypeScript, Node, the CLI and the
 * tests resolve the real package): the `z` of src/schemas/, built on zod/mini.
 *
 * The schemas carry OpenAPI metadata with `.openapi()`, which only the API description reads
 * (src/routes/description/, run by `npm run generate`); the Worker serves the generated document
 * (src/routes/api-document.ts), so here `.openapi()` does nothing. What the Worker does with the schemas
 * is validate: the JSON envelope and options of POST /v1/lint, and a report sent back for download.
 * zod's classic schemas give every schema all of their methods, and with them every check and format
 * zod has (27 KB of the gzipped bundle); zod/mini is the same validation (zod/v4/core: the same parsing,
 * issues and English messages) with functions a bundler keeps only when they are called (10 KB). So
 * `z` here is the part of the classic interface that src/schemas/ writes, each method one mini function.
 *
 * test/node/worker-schemas.test.ts holds every schema built here to the classic one: the same answer,
 * data and issues, on valid and invalid input. A method src/schemas/ starts to use that is missing here
 * fails the Worker's build (and that test).
 */
import {
  _default,
  array as miniArray,
  boolean,
  coerce,
  config,
  enum as miniEnum,
  extend,
  gte,
  int,
  iso,
  literal,
  lte,
  maxLength,
  minLength,
  null as miniNull,
  nullable,
  number,
  object as miniObject,
  omit,
  optional,
  parse,
  partial,
  regex,
  safeParse,
  string,
  union as miniUnion,
  url,
  type ZodMiniObject,
  type ZodMiniType,
} from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Classic zod loads its English messages itself; zod/mini leaves the choice to the application.
config(en());

type Mini = ZodMiniType;
type Check = Parameters<Mini['check']>[number];
type Message = string | { error?: string; message?: string };
type Shape = Record<string, Schema>;

/** A classic schema's methods, over the mini schema they wrap. */
class Schema {
  constructor(readonly mini: Mini) {}

  optional(): Schema {
    return new Schema(optional(this.mini));
  }

  nullable(): Schema {
    return new Schema(nullable(this.mini));
  }

  default(value: unknown): Schema {
    return new Schema(_default(this.mini, value as never));
  }

  array(): Schema {
    return z.array(this);
  }

  /** OpenAPI metadata, which only the API description reads. */
  openapi(): this {
    return this;
  }

  regex(pattern: RegExp, message?: Message): Schema {
    return this.check(regex(pattern, message));
  }

  int(message?: Message): Schema {
    return this.check(int(message));
  }

  /** At least `value`: a number's value, a string's or an array's length, as classic zod reads `.min()`. */
  min(value: number, message?: Message): Schema {
    return this.check(this.isNumber() ? gte(value, message) : minLength(value, message));
  }

  /** At most `value`, read like min(). */
  max(value: number, message?: Message): Schema {
    return this.check(this.isNumber() ? lte(value, message) : maxLength(value, message));
  }

  extend(shape: Shape): Schema {
    return new Schema(extend(this.object(), minis(shape)));
  }

  omit(mask: Record<string, true>): Schema {
    return new Schema(omit(this.object(), mask as never));
  }

  partial(): Schema {
    return new Schema(partial(this.object()));
  }

  safeParse(data: unknown): ReturnType<typeof safeParse> {
    return safeParse(this.mini, data);
  }

  parse(data: unknown): unknown {
    return parse(this.mini, data);
  }

  private check(check: unknown): Schema {
    return new Schema(this.mini.check(check as Check));
  }

  private isNumber(): boolean {
    return this.mini._zod.def.type === 'number';
  }

  private object(): ZodMiniObject {
    if (this.mini._zod.def.type !== 'object') throw new TypeError('not an object schema');
    return this.mini as ZodMiniObject;
  }
}

function minis(shape: Shape): Record<string, Mini> {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.mini]));
}

const wrap = (mini: Mini) => new Schema(mini);

/** The members of classic zod's `z` that src/schemas/ calls. */
export const z = {
  array: (element: Schema) => wrap(miniArray(element.mini)),
  boolean: () => wrap(boolean()),
  coerce: { number: () => wrap(coerce.number()) },
  enum: (values: readonly string[]) => wrap(miniEnum(values as [string, ...string[]])),
  iso: { datetime: (params?: Parameters<typeof iso.datetime>[0]) => wrap(iso.datetime(params)) },
  literal: (value: string) => wrap(literal(value)),
  null: () => wrap(miniNull()),
  number: () => wrap(number()),
  object: (shape: Shape) => wrap(miniObject(minis(shape))),
  string: () => wrap(string()),
  union: (options: Schema[]) => wrap(miniUnion(options.map((option) => option.mini))),
  url: () => wrap(url()),
};
