import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web app's pure rules import the shared contract as @shared, as in web/vite.config.ts.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['src/test/global-setup.ts'],
    // The second, TZ=America/New_York run of the business-time suites (package.json) writes its own report.
    reporters: [
      'verbose',
      ['json', { outputFile: process.env['KEFU_VITEST_JSON'] ?? 'artifacts/vitest-integration.json' }],
    ],
  },
});
