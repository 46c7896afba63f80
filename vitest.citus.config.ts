// `pnpm db:test:citus`: the Citus suite (db-tests/citus/), on a throwaway cluster of a coordinator and two
// workers with one distributed database (see packages/testing/src/vitest/citus-global-setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db-tests/citus/**/*.test.ts'],
    globalSetup: ['packages/testing/src/vitest/citus-global-setup.ts'],
    // files share one database (isolated by tenant); three servers share the machine's cores
    maxConcurrency: 2,
    fileParallelism: true,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
