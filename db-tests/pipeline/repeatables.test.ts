// Repeatable objects are re-applied when their file changes, all or nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@b2b/migrate';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { beforeEach, describe, expect, test } from 'vitest';
import { copySqlDir, queryOne } from './helpers';

const FUNCTION_FILE = 'app/functions/0001_function_set_updated_at.sql';
const POLICY_FILE = 'tenancy/policies/0001_policies_tenants.sql';

async function functionComment(url: string): Promise<string | undefined> {
  const row = await queryOne<{ c: string }>(
    url,
    `select obj_description('app.set_updated_at()'::regprocedure) as c`,
  );
  return row?.c;
}

describe('repeatable objects', () => {
  let db: TestDatabase;
  let sql: ReturnType<typeof copySqlDir>;

  beforeEach(async () => {
    db = await createTestDatabase({ empty: true });
    sql = copySqlDir();
    await migrate({ url: db.adminUrl, sqlDir: sql.dir });
    return async () => {
      await db.drop();
      sql.remove();
    };
  });
  test('editing a repeatable function makes migrate apply it (and only it)', async () => {
    const file = join(sql.dir, FUNCTION_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace("'Trigger function: sets", "'Edited: sets"));
    const result = await migrate({ url: db.adminUrl, sqlDir: sql.dir });
    expect(result).toEqual({ applied: [], repeatablesApplied: [FUNCTION_FILE] });
    expect(await functionComment(db.adminUrl)).toMatch(/^Edited: sets/);
  });

  test('a failing repeatable leaves the database and the ledger as they were', async () => {
    const good = join(sql.dir, FUNCTION_FILE);
    writeFileSync(good, readFileSync(good, 'utf8').replace("'Trigger function: sets", "'Edited: sets"));
    writeFileSync(
      join(sql.dir, POLICY_FILE),
      'create policy broken on tenancy.no_such_table for select using (true);\n',
    );
    await expect(migrate({ url: db.adminUrl, sqlDir: sql.dir })).rejects.toThrow(
      `repeatable sql/${POLICY_FILE} failed`,
    );
    expect(await functionComment(db.adminUrl)).toMatch(/^Trigger function: sets/);
    const policy = await queryOne<{ n: number }>(
      db.adminUrl,
      `select count(*)::int as n from pg_policies where schemaname = 'tenancy' and tablename = 'tenants'`,
    );
    expect(policy?.n).toBe(2);
  });
});
