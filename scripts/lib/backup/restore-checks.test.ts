// What a restore must prove, on real databases: the manifest's checksums see one changed row, and a
// dump restored without sql/bootstrap/after_migrate (what a plain pg_dump and pg_restore gives) is caught
// by the search plan check and the privilege check; with the step, every check passes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBootstrap } from '@b2b/migrate';
import { SQL_DIR, withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backupLogical, type LogicalManifest } from './logical';
import { compareDigests, digestTables } from './manifest';
import { checkSearchPlans } from './plan-check';
import { privilegeFingerprint } from './privileges';
import { pgBin, runTool } from './tools';
import { verifyRestored } from './verify';

async function digest(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read');
    return await digestTables(client);
  } finally {
    await client.query('rollback');
    await client.end();
  }
}

const SEED = `
  insert into tenancy.tenants (slug, name) values ('restore-a', 'Restore A'), ('restore-b', 'Restore B');
  insert into catalog.products (tenant_id) select tenant_id from tenancy.tenants, generate_series(1, 3);
  insert into catalog.product_translations (tenant_id, product_id, locale, name, slug)
  select tenant_id, product_id, 'en', 'Steel valve ' || left(product_id::text, 4), 'p-' || product_id from catalog.products;
`;

describe('manifest checksums', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await withClient(db.adminUrl, (c) => c.query(SEED));
  });
  afterAll(async () => {
    await db.drop();
  });

  test('the same rows give the same digest in any session time zone', async () => {
    const before = await digest(db.adminUrl);
    const other = await withClient(
      `${db.adminUrl}?options=${encodeURIComponent('-c timezone=Asia/Tokyo')}`,
      async (c) => {
        await c.query('begin');
        // the session's own zone differs from the test's (timestamptz columns would print differently)
        expect((await c.query('show timezone')).rows[0]?.TimeZone).toBe('Asia/Tokyo');
        const d = await digestTables(c);
        await c.query('rollback');
        return d;
      },
    );
    expect(compareDigests(before, other)).toEqual([]);
    expect(before.find((d) => d.table === 'catalog.products')?.rows).toBe(6);
  });

  test('one changed value, one removed row and one added table are each named', async () => {
    const before = await digest(db.adminUrl);
    const tenants = before.find((d) => d.table === 'tenancy.tenants')?.rows;
    // the deleted translation is captured by the audit trail (its default partition in this database)
    const events = before.find((d) => d.table === 'audit.events_default')?.rows ?? 0;
    await withClient(db.adminUrl, (c) =>
      c.query(`update tenancy.tenants set name = 'Restore A.' where slug = 'restore-a';
               delete from catalog.product_translations
               where product_id = (select product_id from catalog.product_translations order by product_id limit 1);
               create table public.extra (id int); insert into public.extra values (1);`),
    );
    const after = await digest(db.adminUrl);
    expect(compareDigests(before, after)).toEqual([
      `audit.events_default: ${events + 1} rows, the backup has ${events}`,
      // the product page read model follows the deleted translation (its page loses that locale)
      'catalog.product_pages: 6 rows as in the backup, but their contents differ (checksum)',
      'catalog.product_translations: 5 rows, the backup has 6',
      `tenancy.tenants: ${tenants} rows as in the backup, but their contents differ (checksum)`,
      'extra: not in the backup (1 rows)',
    ]);
  });
});

describe('a restore without sql/bootstrap/after_migrate', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let manifest: LogicalManifest;
  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase({ empty: true });
    await withClient(source.adminUrl, (c) => c.query(SEED));
    dir = mkdtempSync(join(tmpdir(), 'b2b-backup-test-'));
    manifest = await backupLogical({ adminUrl: source.adminUrl, dir, say: () => {} });
    // what a plain restore does: roles and database grants exist, pg_restore, nothing else
    await runBootstrap({ url: target.adminUrl, sqlDir: SQL_DIR }, ['cluster', 'database']);
    await runTool(pgBin('pg_restore'), [
      '--exit-on-error',
      `--dbname=${target.adminUrl}`,
      join(dir, manifest.dump.file),
    ]);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await source.drop();
    await target.drop();
  });

  test('the source searches through its indexes as b2b_app', async () => {
    const plans = await withClient(source.adminUrl, checkSearchPlans);
    expect(plans.map((p) => [p.what, p.ok])).toEqual(plans.map((p) => [p.what, true]));
  });

  test('has every row, but fails the plan and privilege checks; after_migrate repairs both', async () => {
    const lost = await verifyRestored(target.adminUrl, manifest);
    expect(lost.map((c) => [c.check, c.ok])).toEqual([
      ['rows', true],
      ['privileges', false],
      ['plans', false],
    ]);
    expect(lost[1]?.details).toEqual([
      '- leakproof extensions.similarity_op(text,text)',
      '- leakproof jsonb_eq(jsonb,jsonb)',
      '- leakproof ts_match_vq(tsvector,tsquery)',
    ]);
    expect(lost[2]?.details.filter((d) => d.includes('NOT an index condition'))).toHaveLength(3);

    await runBootstrap({ url: target.adminUrl, sqlDir: SQL_DIR }, ['after_migrate']);
    const repaired = await verifyRestored(target.adminUrl, manifest);
    expect(repaired.map((c) => [c.check, c.ok])).toEqual([
      ['rows', true],
      ['privileges', true],
      ['plans', true],
    ]);
  });

  test('a grant that differs from the backup is named', async () => {
    await withClient(target.adminUrl, (c) => c.query('revoke select on catalog.products from b2b_app'));
    try {
      const checks = await verifyRestored(target.adminUrl, manifest);
      const privileges = checks.find((c) => c.check === 'privileges');
      expect(privileges?.ok).toBe(false);
      expect(privileges?.details.map((d) => d.slice(0, 2) + d.split(':')[0]?.slice(2))).toEqual([
        '- relation catalog.products (r) owner b2b_owner',
        '+ relation catalog.products (r) owner b2b_owner',
      ]);
    } finally {
      await withClient(target.adminUrl, (c) => c.query('grant select on catalog.products to b2b_app'));
    }
  });

  test('a role counts only once the database refers to it', async () => {
    const role = `b2b_test_role_${Math.random().toString(16).slice(2, 10)}`;
    await withClient(target.adminUrl, (c) => c.query(`create role ${role} nologin`));
    try {
      const mentions = async () =>
        (await withClient(target.adminUrl, privilegeFingerprint)).filter((l) =>
          l.startsWith(`role ${role}:`),
        );
      expect(await mentions()).toEqual([]);
      await withClient(target.adminUrl, (c) => c.query(`grant select on catalog.products to ${role}`));
      expect(await mentions()).toEqual([`role ${role}: nologin inherit member of {}`]);
    } finally {
      await withClient(target.adminUrl, (c) =>
        c.query(`revoke all on catalog.products from ${role}; drop role ${role}`),
      );
    }
  });
});
