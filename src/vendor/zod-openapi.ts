/**
 * The Worker bundle's `@hono/zod-openapi` (wrangler.toml `[alias]`; TypeScript, Node and the tests
 * resolve the real package): `z` alone, whose `.openapi()` does nothing. The schemas of src/schemas/
 * carry their OpenAPI metadata with `.openapi()`, and only the API description reads it
 * (src/routes/description/, run by `npm run generate`); the Worker serves the document generated from
 * it (src/routes/api-document.ts), so it needs neither zod-to-openapi nor the metadata. Validation is
 * zod's own either way: the real `.openapi()` returns a copy of the schema with metadata, this one the
 * schema itself. Anything else imported from '@hono/zod-openapi' fails the Worker's build.
 */
import { z } from 'zod';

// On the prototype, as zod-to-openapi installs its own: every schema has it.
(z.ZodType.prototype as unknown as { openapi: () => unknown }).openapi = function openapi(this: unknown) {
  return this;
};

export { z };
