// The large seed at a tiny scale, in a clone of the migrated template: it loads every row, leaves the
// schema exactly as it found it (every index, constraint and trigger back, constraints validated), its
// set-based checks refuse what the switched-off triggers refuse, and a failed load leaves nothing.
import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BULK_CHECKS, enableAndCheck } from './bulk-checks';
import { type LargeScale, largeLoads, largeRowCount, loadLarge } from './seed-large';

const TINY: LargeScale = { tenants: 2, productsPerTenant: 6 };
const quiet = () => {};

/** Every constraint, index and trigger of the catalog schema, with its definition and state. */
async function schemaObjects(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ o: string }>(`
    select format('constraint %s.%s %s valid=%s', conrelid::regclass, conname, pg_get_constraintdef(oid), convalidated) as o
    from pg_constraint where connamespace = 'catalog'::regnamespace
    union all
    select format('index %s', pg_get_indexdef(indexrelid)) from pg_index
    where indrelid in (select oid from pg_class where relnamespace = 'catalog'::regnamespace) and indisvalid
    union all
    select format('trigger %s.%s enabled=%s', tgrelid::regclass, tgname, tgenabled) from pg_trigger
    where not tgisinternal and tgrelid in (select oid from pg_class where relnamespace = 'catalog'::regnamespace)
    order by 1`);
  return rows.map((r) => r.o);
}

async function countRows(client: pg.ClientBase, tables: string[]): Promise<number> {
  let sum = 0;
  for (const table of new Set(tables)) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
    sum += Number(rows[0]?.n);
  }
  return sum;
}

describe('large seed profile (tiny scale)', () => {
  let db: TestDatabase;
  const tables = largeLoads(TINY).map((l) => l.table);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  test('a failed load leaves no row and the schema as it was', async () => {
    await withClient(db.adminUrl, async (client) => {
      const before = await schemaObjects(client);
      const existing = await countRows(client, tables);
      // a tenant that takes the slug of the profile's second tenant makes the load fail midway
      await client.query(`insert into tenancy.tenants (slug, name) values ('bulk-0001', 'In the way')`);
      await expect(loadLarge(client, quiet, { scale: TINY, progress: false })).rejects.toThrow(
        /nothing was loaded.*uq_tenants_slug/,
      );
      expect(await countRows(client, tables)).toBe(existing + 1);
      expect(await schemaObjects(client)).toEqual(before);
      await client.query(`delete from tenancy.tenants where slug = 'bulk-0001'`);
    });
  });

  test('loads every row and leaves every constraint, index and trigger as it found them', async () => {
    await withClient(db.adminUrl, async (client) => {
      const before = await schemaObjects(client);
      const existing = await countRows(client, tables);
      const { rows, phases } = await loadLarge(client, quiet, { scale: TINY, progress: false });
      expect(rows).toBe(largeRowCount(TINY));
      expect(await countRows(client, tables)).toBe(existing + rows);
      expect(Object.keys(phases)).toContain('foreignKeys');
      expect(await schemaObjects(client)).toEqual(before);
      // what the category path trigger would have written, the generator wrote
      const { rows: paths } = await client.query(`
        select c.category_id from catalog.categories c
        left join catalog.categories p on p.tenant_id = c.tenant_id and p.category_id = c.parent_category_id
        where c.path <> coalesce(p.path, '/') || c.category_id || '/'`);
      expect(paths).toEqual([]);
      // every stock level's on_hand is journaled (one opening sync each), nothing is reserved
      const { rows: stock } = await client.query(`
        select count(*)::int as levels,
          count(*) filter (where s.reserved <> 0 or s.on_hand <> coalesce(m.on_hand, 0))::int as drifting,
          coalesce(sum(m.movements), 0)::int as movements
        from catalog.stock_levels s
        left join (select tenant_id, variant_id, warehouse_id, sum(on_hand_delta) as on_hand, count(*) as movements
                   from catalog.stock_movements where reason = 'sync' group by 1, 2, 3) m
          using (tenant_id, variant_id, warehouse_id)`);
      expect(stock[0].drifting).toBe(0);
      expect(stock[0].movements).toBeGreaterThan(0);
    });
  });

  test.each(BULK_CHECKS.map((c) => [c.trigger, c]))(
    'the check standing in for %s refuses what it refuses',
    async (_, check) => {
      await withClient(db.adminUrl, async (client) => {
        await client.query('begin');
        try {
          const { rows } = await client.query<{ tenant_id: string }>(
            `select tenant_id from tenancy.tenants where slug = 'bulk-0000'`,
          );
          const tenant = rows[0]?.tenant_id;
          // These cases reuse the rows of the full load above (files run their tests in order).
          expect(tenant, 'tenant bulk-0000 from the full-load test above').toBeDefined();
          await client.query(`alter table ${check.table} disable trigger ${check.trigger}`);
          if (check.table === 'catalog.categories') {
            // a child whose path skips its parent
            await client.query(
              `insert into catalog.categories (tenant_id, category_id, parent_category_id, path)
             select $1, id, (select category_id from catalog.categories where tenant_id = $1 and parent_category_id is null limit 1), '/' || id || '/'
             from gen_random_uuid() id`,
              [tenant],
            );
          } else if (check.table === 'catalog.products') {
            await client.query(
              `insert into catalog.products (tenant_id, attributes) values ($1, '{"colour": "red"}')`,
              [tenant],
            );
          } else {
            await client.query(
              `insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values ($1, 'pack', 'integer')`,
              [tenant],
            );
            await client.query(
              `insert into catalog.variants (tenant_id, product_id, sku, attributes)
             select $1, product_id, 'BAD-1', '{"pack": 1.5}' from catalog.products where tenant_id = $1 limit 1`,
              [tenant],
            );
          }
          await expect(enableAndCheck(client, [check])).rejects.toThrow(check.trigger);
        } finally {
          await client.query('rollback');
        }
      });
    },
  );
});
