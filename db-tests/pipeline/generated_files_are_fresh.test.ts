// Generated files are committed; these fail when they are stale, naming the command that fixes it.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderErrorsDoc } from '@b2b/db/errors-doc';
import { repoRoot } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codegenPackages, runPgTyped } from '../../scripts/lib/codegen';
import { renderSchemaDocs } from '../../scripts/lib/schema-docs';

describe('generated files', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test('docs/errors.md matches the error catalog (pnpm db:docs)', () => {
    const committed = readFileSync(join(repoRoot, 'docs', 'errors.md'), 'utf8');
    expect(committed, 'docs/errors.md is stale: run `pnpm db:docs` and commit it').toBe(renderErrorsDoc());
  });

  for (const pkg of codegenPackages()) {
    test(`${pkg.name}: pgtyped output is fresh (pnpm db:codegen)`, async () => {
      const work = mkdtempSync(join(tmpdir(), 'b2b-codegen-'));
      try {
        cpSync(join(pkg.dir, 'queries'), join(work, 'queries'), { recursive: true });
        const config = JSON.parse(readFileSync(pkg.config, 'utf8'));
        writeFileSync(join(work, 'pgtyped.config.json'), JSON.stringify({ ...config, srcDir: './queries/' }));
        await runPgTyped(pkg, db.adminUrl, work, join(work, 'pgtyped.config.json'));
        const generated = readdirSync(join(work, 'queries')).filter((f) => f.endsWith('.queries.ts'));
        // pgtyped exits 0 when it cannot parse a file: every queries/*.sql must have produced its output.
        const sources = readdirSync(join(work, 'queries')).filter((f) => f.endsWith('.sql'));
        expect(generated.sort(), `${pkg.name}: pgtyped generated nothing for some queries/*.sql`).toEqual(
          sources.map((f) => f.replace(/\.sql$/, '.queries.ts')).sort(),
        );
        for (const file of generated) {
          const committedPath = join(pkg.dir, 'queries', file);
          const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '(missing)';
          expect(
            committed,
            `${pkg.name} queries/${file} is stale: run \`pnpm db:codegen\` and commit it`,
          ).toBe(readFileSync(join(work, 'queries', file), 'utf8'));
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});

describe('schema documents', () => {
  test('docs/erd.md and docs/data-dictionary.md match the schema (pnpm db:docs)', async () => {
    const db = await createTestDatabase();
    try {
      const { erd, dictionary } = await renderSchemaDocs(db.adminUrl);
      const stale = 'is stale: run `pnpm db:docs` and commit it';
      expect(readFileSync(join(repoRoot, 'docs', 'erd.md'), 'utf8'), `docs/erd.md ${stale}`).toBe(erd);
      expect(
        readFileSync(join(repoRoot, 'docs', 'data-dictionary.md'), 'utf8'),
        `docs/data-dictionary.md ${stale}`,
      ).toBe(dictionary);
    } finally {
      await db.drop();
    }
  });
});
