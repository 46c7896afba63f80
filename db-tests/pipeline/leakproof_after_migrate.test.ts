// sql/bootstrap/after_migrate marks the reviewed search operators leakproof on every migrate (repairing
// drift both ways), and run by a role that is not a superuser the step warns and changes nothing (the
// file itself is run as b2b_owner here: migrate() always connects as the superuser it is given).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@b2b/migrate';
import { SQL_DIR, withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const FILE = join(SQL_DIR, 'bootstrap', 'after_migrate', '0001_leakproof_search_operators.sql');
const FUNCTIONS = [
  'pg_catalog.ts_match_vq(tsvector, tsquery)',
  'extensions.similarity_op(text, text)',
  'extensions.similarity(text, text)',
];

async function leakproof(url: string): Promise<Record<string, boolean>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ fn: string; leakproof: boolean }>(
      `select f as fn, (select proleakproof from pg_proc where oid = f::regprocedure) as leakproof
       from unnest($1::text[]) f`,
      [FUNCTIONS],
    );
    return Object.fromEntries(rows.map((r) => [r.fn, r.leakproof]));
  });
}

describe('leakproof search operators (sql/bootstrap/after_migrate)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  test('the next migrate repairs drift: a lost mark comes back, an unreviewed one in extensions goes', async () => {
    await withClient(db.adminUrl, (c) =>
      c.query(`alter function pg_catalog.ts_match_vq(tsvector, tsquery) not leakproof;
               alter function extensions.similarity(text, text) leakproof`),
    );
    await migrate({ url: db.adminUrl, sqlDir: SQL_DIR });
    expect(await leakproof(db.adminUrl)).toEqual({
      'pg_catalog.ts_match_vq(tsvector, tsquery)': true,
      'extensions.similarity_op(text, text)': true,
      'extensions.similarity(text, text)': false,
    });
  });

  test('run by a role that is not a superuser, it warns and changes nothing', async () => {
    await withClient(db.adminUrl, (c) =>
      c.query(`alter function extensions.similarity_op(text, text) not leakproof`),
    );
    const warnings: string[] = [];
    await withClient(db.adminUrl, async (c) => {
      c.on('notice', (n) => {
        if (n.severity === 'WARNING') warnings.push(n.message ?? '');
      });
      await c.query('set role b2b_owner');
      await c.query(readFileSync(FILE, 'utf8'));
    });
    expect(warnings).toEqual([expect.stringContaining('b2b_owner is not a superuser')]);
    expect((await leakproof(db.adminUrl))['extensions.similarity_op(text, text)']).toBe(false);
  });
});
