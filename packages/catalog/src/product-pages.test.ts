// The product page read model (catalog.product_pages) under concurrent writers, with real commits on
// separate connections as the application role: a page is never older than the last committed write,
// two transactions writing different parts of one product both land in it (no lost update), a rolled
// back write leaves it as it was, and under repeatable read a writer whose snapshot misses a concurrent
// page rewrite fails with a serialization failure (retry) rather than writing an older page. Outcomes
// only, no timings. (Each kind of write, one by one: db-tests/catalog/product_pages/.)
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

describe('the product page read model under concurrent writers', () => {
  let db: TestDatabase;
  let admin: pg.Client;
  let tenantId: string;
  let productId: string;
  let variantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    tenantId = (await admin.query(`select tests.create_tenant('pages') as id`)).rows[0].id;
    productId = (await admin.query(`select tests.create_product($1, 'Drill') as id`, [tenantId])).rows[0].id;
    variantId = (
      await admin.query(`select tests.create_variant($1, $2, 'DR-1') as id`, [tenantId, productId])
    ).rows[0].id;
    await admin.query('select tests.set_base_price($1, $2, 10)', [tenantId, variantId]);
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  /** A connection as b2b_app in a transaction of the tenant (as withTenant opens it). */
  async function writer(isolation = 'read committed'): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: db.appUrl });
    await client.connect();
    await client.query(`begin isolation level ${isolation}`);
    await client.query('select app.set_tenant($1)', [tenantId]);
    return client;
  }

  /** The page as a visitor in EUR sees it, from a connection of its own (only what is committed). */
  async function page(): Promise<{ name: string; sku: string; unit_price: number | null }[]> {
    const client = await writer();
    try {
      const { rows } = await client.query(
        `select name, sku, unit_price::float8 as unit_price from catalog.product_page($1, $2, 'en', null, null, 'EUR', 1)`,
        [tenantId, productId],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  /** Waits until the backend of `client` waits for a lock (the second writer is queued behind the first). */
  async function waitsForLock(client: pg.Client): Promise<void> {
    const pid = (client as unknown as { processID: number }).processID;
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query('select wait_event_type from pg_stat_activity where pid = $1', [
        pid,
      ]);
      if (rows[0]?.wait_event_type === 'Lock') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the second writer never waited for the first');
  }

  beforeEach(async () => {
    // back to one variant at 10.00 named Drill (as the owner: the page triggers run all the same)
    await admin.query('update catalog.prices set unit_price = 10 where variant_id = $1', [variantId]);
    await admin.query(`update catalog.product_translations set name = 'Drill' where product_id = $1`, [
      productId,
    ]);
    await admin.query('delete from catalog.variants where product_id = $1 and variant_id <> $2', [
      productId,
      variantId,
    ]);
  });

  test('a price change and a translation edit of one product in two concurrent transactions both land', async () => {
    const first = await writer();
    const second = await writer();
    try {
      await first.query('update catalog.prices set unit_price = 11 where variant_id = $1', [variantId]);
      // not committed: another connection still sees the committed page
      expect(await page()).toEqual([{ name: 'Drill', sku: 'DR-1', unit_price: 10 }]);
      const edit = second.query(
        `update catalog.product_translations set name = 'Hammer drill' where product_id = $1`,
        [productId],
      );
      await waitsForLock(second);
      await first.query('commit');
      await edit;
      // the first commit shows at once, the second writer's page waits for its own commit
      expect(await page()).toEqual([{ name: 'Drill', sku: 'DR-1', unit_price: 11 }]);
      await second.query('commit');
      expect(await page()).toEqual([{ name: 'Hammer drill', sku: 'DR-1', unit_price: 11 }]);
    } finally {
      await first.end();
      await second.end();
    }
  }, 60_000);

  test('a variant added and a price change of one product, concurrently, then a rollback that changes nothing', async () => {
    const first = await writer();
    const second = await writer();
    const third = await writer();
    try {
      await first.query(`insert into catalog.variants (tenant_id, product_id, sku) values ($1, $2, 'DR-0')`, [
        tenantId,
        productId,
      ]);
      const change = second.query('update catalog.prices set unit_price = 12 where variant_id = $1', [
        variantId,
      ]);
      await waitsForLock(second);
      await first.query('commit');
      await change;
      await second.query('commit');
      expect(await page()).toEqual([
        { name: 'Drill', sku: 'DR-0', unit_price: null },
        { name: 'Drill', sku: 'DR-1', unit_price: 12 },
      ]);
      await third.query('update catalog.prices set unit_price = 99 where variant_id = $1', [variantId]);
      await third.query('rollback');
      expect((await page()).map((r) => r.unit_price)).toEqual([null, 12]);
    } finally {
      await first.end();
      await second.end();
      await third.end();
    }
  }, 60_000);

  test('under repeatable read a writer that missed a concurrent page rewrite fails (40001) instead of writing an older page', async () => {
    const first = await writer();
    const second = await writer('repeatable read');
    try {
      await second.query('select count(*) from catalog.product_pages'); // its snapshot, taken now
      await first.query('update catalog.prices set unit_price = 13 where variant_id = $1', [variantId]);
      await first.query('commit');
      await expect(
        second.query(`update catalog.product_translations set name = 'Stale' where product_id = $1`, [
          productId,
        ]),
      ).rejects.toMatchObject({ code: '40001' });
      await second.query('rollback');
      expect(await page()).toEqual([{ name: 'Drill', sku: 'DR-1', unit_price: 13 }]);
    } finally {
      await first.end();
      await second.end();
    }
  }, 60_000);
});
