// Every db-tests/<domain>/<object>/<behaviour>.test.sql file, each in its own clone of the template.
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import { describe, test } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));

function pgTapFiles(): string[] {
  return (
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      // db-tests/citus/ runs on a Citus cluster only (pnpm db:test:citus)
      .filter((f) => f.endsWith('.test.sql') && !f.startsWith('_') && !f.startsWith('citus/'))
      .map((f) => join(root, f))
      .sort()
  );
}

describe('pgTAP', () => {
  for (const file of pgTapFiles()) {
    const name = relative(root, file);
    test.concurrent(name, async () => {
      const db = await createTestDatabase();
      try {
        const result = await runPgTapFile(db.adminUrl, file);
        if (result.failure) throw new Error(`db-tests/${name} failed:\n${result.failure}`);
        // a skip is allowed only with its reason, printed in the run
        for (const skip of result.skipped) console.warn(`db-tests/${name}: ${skip}`);
      } finally {
        await db.drop();
      }
    });
  }
});
