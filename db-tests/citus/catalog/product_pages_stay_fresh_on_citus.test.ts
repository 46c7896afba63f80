// The product page read model on Citus: its triggers run on the shards (citus.enable_unsafe_triggers), where
// only single-shard statements of the same tenant may run, and the bulk build is a distributed function
// delegated to the tenant's worker. As b2b_app through the catalog's tables, a product's page follows a
// price change, a translation edit, a variant added and the product archived, and equals what the view
// computes; catalog.build_product_pages rebuilds the tenant's pages to the same rows.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

describe('the product page read model on Citus', () => {
  test('the triggers keep the page fresh on the shards, and the bulk build rebuilds it', async () => {
    const db = citusTestDatabase();
    const { tenantId } = await freshTenant('pages on citus');
    const world = await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query('select * from tests.create_order_world($1, stock => 7)', [tenantId]);
      return rows[0] as { variant: string; company: string; buyer: string };
    });
    const asApp = <T>(fn: (c: import('pg').ClientBase) => Promise<T>) =>
      withClient(db.adminUrl, async (c) => {
        await c.query('begin');
        try {
          await c.query('select tests.act_as($1)', [tenantId]);
          const result = await fn(c);
          await c.query('commit');
          return result;
        } catch (error) {
          await c.query('rollback');
          throw error;
        }
      });
    const product: string = await asApp(async (c) => {
      const { rows } = await c.query('select product_id from catalog.variants where variant_id = $1', [
        world.variant,
      ]);
      return rows[0].product_id;
    });
    const page = () =>
      asApp(async (c) => {
        const { rows } = await c.query(
          `select name, sku, unit_price::float8 as price, available::int from catalog.product_page($1, $2, 'en', null, null, 'EUR', 1)`,
          [tenantId, product],
        );
        return rows;
      });
    const stale = () =>
      asApp(async (c) => {
        const { rows } = await c.query(
          `select count(*)::int as n from (
             (select * from catalog.product_pages except select * from catalog.product_page_sources where tenant_id = $1)
             union all
             (select * from catalog.product_page_sources where tenant_id = $1 except select * from catalog.product_pages)) d`,
          [tenantId],
        );
        return rows[0].n as number;
      });

    expect(await page()).toEqual([{ name: 'Acme drill', sku: 'ACME-DR-1', price: 10, available: 7 }]);
    await asApp(async (c) => {
      await c.query('update catalog.prices set unit_price = 11 where variant_id = $1', [world.variant]);
      await c.query(
        `update catalog.product_translations set name = 'Acme hammer drill' where product_id = $1`,
        [product],
      );
      await c.query(
        `insert into catalog.variants (tenant_id, product_id, sku) values ($1, $2, 'ACME-DR-0')`,
        [tenantId, product],
      );
    });
    expect(await page()).toEqual([
      { name: 'Acme hammer drill', sku: 'ACME-DR-0', price: null, available: null },
      { name: 'Acme hammer drill', sku: 'ACME-DR-1', price: 11, available: 7 },
    ]);
    expect(await stale()).toBe(0);

    // the bulk build (as the owner would run it after a load with the triggers off): the same rows
    const built = await withClient(db.adminUrl, async (c) => {
      await c.query('begin');
      await c.query('select app.set_tenant($1)', [tenantId]);
      const { rows } = await c.query('select catalog.build_product_pages($1)::int as n', [tenantId]);
      await c.query('commit');
      return rows[0].n as number;
    });
    expect(built).toBe(1);
    expect(await stale()).toBe(0);

    await asApp((c) =>
      c.query('update catalog.products set archived_at = now() where product_id = $1', [product]),
    );
    expect(await page()).toEqual([]);
    expect(await stale()).toBe(0);
  }, 180_000);
});
