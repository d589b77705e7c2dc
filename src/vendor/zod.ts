/**
 * The Worker bundle's `zod` (wrangler.toml `[alias]`; TypeScript, Node, the CLI and the tests resolve
 * the real package). `import { z } from 'zod'`, which @hono/zod-openapi does, hands out zod's whole
 * namespace object, and a bundler cannot drop any member of a namespace used as a value: all 64
 * locales, JSON Schema conversion, the schema compiler stayed in the bundle (53% of it). This namespace
 * holds only the entry points the Worker calls (a schema's methods import what they need themselves).
 * A member missing here fails at startup, and test/node/bundle.test.ts starts the real bundle.
 */
export * as z from './zod-members';
