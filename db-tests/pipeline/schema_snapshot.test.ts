// The committed snapshot is what migrating from zero produces; up, down to zero, up again reproduces it;
// no index is left invalid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpSchema, migrate, rollback, SNAPSHOT_FILE, snapshotMajor, versionedFiles } from '@b2b/migrate';
import { findPgBinaries, SQL_DIR, serverMajor } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryOne } from './helpers';

const committed = readFileSync(join(SQL_DIR, SNAPSHOT_FILE), 'utf8');
const STALE = `sql/${SNAPSHOT_FILE} is stale: regenerate it with \`pnpm db:snapshot\` and commit it`;

describe('schema snapshot', () => {
  let db: TestDatabase;
  let major: number;
  const bindir = findPgBinaries()?.bindir;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    major = await serverMajor(db.adminUrl);
  });
  afterAll(() => db.drop());

  test('migrating from zero reproduces the committed snapshot', async (ctx) => {
    await migrate({ url: db.adminUrl, sqlDir: SQL_DIR });
    if (snapshotMajor(committed) !== major) {
      const why = `the snapshot was taken on PostgreSQL ${snapshotMajor(committed)}; this server is ${major}`;
      console.warn(`schema snapshot: skipped: ${why}`);
      ctx.skip(why);
    }
    expect(await dumpSchema(db.adminUrl, major, bindir), STALE).toBe(committed);
  });

  test('no index is invalid', async () => {
    const row = await queryOne<{ invalid: string | null }>(
      db.adminUrl,
      `select string_agg(indexrelid::regclass::text, ', ') as invalid from pg_index where not indisvalid`,
    );
    expect(row?.invalid ?? null).toBeNull();
  });

  test('down to zero removes every domain object, and up again reproduces the same schema', async () => {
    const before = await dumpSchema(db.adminUrl, major, bindir);
    const undone = await rollback({ url: db.adminUrl, sqlDir: SQL_DIR, count: Number.MAX_SAFE_INTEGER });
    expect(undone).toHaveLength(versionedFiles(SQL_DIR).length);
    const left = await queryOne<{ schemas: string | null }>(
      db.adminUrl,
      `select string_agg(nspname, ', ') as schemas from pg_namespace
       where nspname not in ('public', 'information_schema', 'migrations') and nspname not like 'pg\\_%'`,
    );
    expect(left?.schemas ?? null, 'schemas left after rolling everything back').toBeNull();
    await migrate({ url: db.adminUrl, sqlDir: SQL_DIR });
    expect(await dumpSchema(db.adminUrl, major, bindir)).toBe(before);
  });
});
