import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'db-tests/**/*.test.ts', 'scripts/lib/**/*.test.ts'],
    globalSetup: ['packages/testing/src/vitest/global-setup.ts'],
    // Each file clones the template; pgTAP files also run concurrently within their file.
    maxConcurrency: 4,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
