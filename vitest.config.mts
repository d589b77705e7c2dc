import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Four projects: `workers` runs inside workerd (the Worker's real runtime: HTTP behaviour, rules, model);
// `workers-production` runs the tests that need wrangler.toml's production environment (its Rate
// Limiting binding) in workerd; `node` runs tests that read fixture corpora and committed files from
// disk; `browser` drives Chromium against `wrangler dev` (test/browser/).
const PRODUCTION_TESTS = ['test/workers/http/rate-limit.test.ts'];
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        // A busy 2-core machine runs workerd's first request slowly: 5 s is not enough there.
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          exclude: PRODUCTION_TESTS,
          testTimeout: 30_000,
          // The test PKIs, made by openssl in Node; the workers see their certificates only.
          globalSetup: ['test/support/pki-setup.ts'],
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml', environment: 'production' } })],
        test: { name: 'workers-production', include: PRODUCTION_TESTS, testTimeout: 30_000 },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
          testTimeout: 30_000,
          globalSetup: ['test/support/pki-setup.ts'],
        },
      },
      {
        // Debian's headless Chromium (driven by playwright-core) against `wrangler dev`: the web form as a
        // person uses it. Starting wrangler and the browser takes a while on a small machine.
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
