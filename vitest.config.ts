import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['src/test/global-setup.ts'],
    reporters: ['verbose', ['json', { outputFile: 'artifacts/vitest-integration.json' }]],
  },
});
