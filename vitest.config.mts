import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Three projects: `workers` runs inside workerd (the Worker's real runtime: HTTP behaviour, rules, model);
// `node` runs tests that read fixture corpora and committed files from disk; `browser` drives Chromium
// against `wrangler dev` (test/browser/).
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        // A busy 2-core machine runs workerd's first request slowly: 5 s is not enough there.
        test: { name: 'workers', include: ['test/workers/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        test: { name: 'node', environment: 'node', include: ['test/node/**/*.test.ts'], testTimeout: 30_000 },
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
