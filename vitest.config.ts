import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'scripts/lib/**/*.test.ts', 'db-tests/**/*.test.ts'],
    // the Citus suite runs on its own cluster: pnpm db:test:citus (vitest.citus.config.ts)
    exclude: [...configDefaults.exclude, 'db-tests/citus/**'],
    globalSetup: ['packages/testing/src/vitest/global-setup.ts'],
    // Each file clones the template; pgTAP files also run concurrently within their file.
    maxConcurrency: 4,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
