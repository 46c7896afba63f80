// The large seed at a tiny scale, in a clone of the migrated template: it loads every row, leaves the
// schema exactly as it found it (every index, constraint and trigger back, constraints validated and in
// force), its set-based stand-ins write the stock journal and the audit trail exactly as the switched-off
// row triggers do and refuse what they refuse, and a load that fails anywhere leaves nothing.
import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BULK_CHECKS, enableAndCheck, planBulkTriggers } from './bulk-checks';
import { seedId } from './seed-ids';
import { DERIVED_AFTER_LOAD, type LargeScale, largeLoads, largeRowCount, loadLarge } from './seed-large';

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

const BULK_TENANTS = Array.from({ length: TINY.tenants }, (_, t) => seedId(1, t, 0));
/** Columns a load sets to its transaction's time: they differ between two loads and are left out. */
const LOAD_TIMES = ['created_at', 'updated_at', 'added_at'];

/** The stock journal and the audit trail of the profile's tenants, without ids and times. */
async function journals(client: pg.ClientBase): Promise<{ movements: unknown[]; events: unknown[] }> {
  const { rows: movements } = await client.query(
    `select tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id, moved_by
     from catalog.stock_movements where tenant_id = any ($1::uuid[]) order by 1, 2, 3, 4`,
    [BULK_TENANTS],
  );
  const { rows: events } = await client.query(
    `select tenant_id, table_name, row_key, operation, old_values, new_values - $2::text[] as new_values,
       actor_tenant_id, actor_user_id, actor_role, source, application_name
     from audit.events where tenant_id = any ($1::uuid[]) order by 1, 2, row_key::text`,
    [BULK_TENANTS, LOAD_TIMES],
  );
  return { movements, events };
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

  test('a load that fails after its copy, builds and journals leaves no row, no event and the schema as it was', async () => {
    await withClient(db.adminUrl, async (client) => {
      const before = await schemaObjects(client);
      const existing = await countRows(client, [...tables, 'catalog.stock_movements', 'audit.events']);
      DERIVED_AFTER_LOAD.push({
        what: 'a read model that fails',
        build: async (c) => {
          await c.query(`select 1 / 0`);
        },
      });
      try {
        await expect(loadLarge(client, quiet, { scale: TINY, progress: false })).rejects.toThrow(
          /nothing was loaded.*division by zero/,
        );
      } finally {
        DERIVED_AFTER_LOAD.pop();
      }
      expect(await countRows(client, [...tables, 'catalog.stock_movements', 'audit.events'])).toBe(existing);
      expect(await schemaObjects(client)).toEqual(before);
    });
  });

  test('loads every row and leaves every constraint, index and trigger as it found them', async () => {
    await withClient(db.adminUrl, async (client) => {
      // an index the loader knows nothing about is deferred and rebuilt like the schema's own
      await client.query(`create index idx_prices_test_unit_price on catalog.prices (tenant_id, unit_price)`);
      const before = await schemaObjects(client);
      expect(before).toContain(
        'index CREATE INDEX idx_prices_test_unit_price ON catalog.prices USING btree (tenant_id, unit_price)',
      );
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
      await client.query('drop index catalog.idx_prices_test_unit_price');
    });
  });

  test('after the load every constraint and index of the loaded tables is valid and in force', async () => {
    await withClient(db.adminUrl, async (client) => {
      const loaded = [...new Set([...tables, 'catalog.stock_movements'])];
      const { rows: invalid } = await client.query(
        `select conname from pg_constraint where conrelid = any ($1::text[]::regclass[]) and not convalidated
         union all
         select indexrelid::regclass::text from pg_index where indrelid = any ($1::text[]::regclass[])
           and not (indisvalid and indisready and indislive)`,
        [loaded],
      );
      expect(invalid).toEqual([]);
      const { rows: triggers } = await client.query(
        `select tgname from pg_trigger where tgrelid = any ($1::text[]::regclass[]) and not tgisinternal and tgenabled = 'D'`,
        [loaded],
      );
      expect(triggers).toEqual([]);
      const tenant = BULK_TENANTS[0];
      /** The SQLSTATE and constraint of a statement run in a savepoint (rolled back). */
      const refusal = async (sql: string) => {
        await client.query('savepoint attempt');
        try {
          await client.query(sql, [tenant]);
          return 'accepted';
        } catch (error) {
          const { code, constraint } = error as { code?: string; constraint?: string };
          return `${code} ${constraint}`;
        } finally {
          await client.query('rollback to savepoint attempt');
        }
      };
      await client.query('begin');
      try {
        // a second price for a loaded tier: its quantities overlap [1,10)
        expect(
          await refusal(`insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price, quantities)
            select tenant_id, price_list_id, variant_id, currency, 1, '[5,20)' from catalog.prices where tenant_id = $1 limit 1`),
        ).toBe('23P01 excl_prices_no_overlap');
        expect(
          await refusal(`insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
            select tenant_id, price_list_id, gen_random_uuid(), currency, 1 from catalog.prices where tenant_id = $1 limit 1`),
        ).toBe('23503 fk_prices_tenant_id_variant_id_variants');
        expect(
          await refusal(`insert into catalog.variants (tenant_id, product_id, sku)
            select tenant_id, product_id, sku from catalog.variants where tenant_id = $1 limit 1`),
        ).toMatch(/^23505 uq_variants_tenant_id_sku/);
        expect(
          await refusal(`insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand)
            select tenant_id, variant_id, warehouse_id, 1 from catalog.stock_levels where tenant_id = $1 limit 1`),
        ).toBe('23505 pk_stock_levels');
      } finally {
        await client.query('rollback');
      }
    });
  });

  test('the stand-ins write the stock journal and the audit trail exactly as the row triggers do', async () => {
    // The same profile loaded with every row trigger on, in a second clone of the template, is the reference.
    const reference = await createTestDatabase();
    try {
      const expected = await withClient(reference.adminUrl, async (client) => {
        await loadLarge(client, quiet, { scale: TINY, progress: false, rowTriggers: true });
        return journals(client);
      });
      const bulk = await withClient(db.adminUrl, journals);
      expect(expected.movements.length).toBeGreaterThan(0);
      expect(bulk.movements).toEqual(expected.movements);
      // one insert event per loaded row of every audited table (tenants are not audited)
      expect(expected.events.length).toBe(largeRowCount(TINY) - TINY.tenants);
      expect(bulk.events).toEqual(expected.events);
    } finally {
      await reference.drop();
    }
  });

  test('without the audit trail the load writes no event for its rows, and the capture triggers are back on', async () => {
    const other = await createTestDatabase();
    try {
      await withClient(other.adminUrl, async (client) => {
        await loadLarge(client, quiet, { scale: TINY, progress: false, auditTrail: false });
        const { events, movements } = await journals(client);
        expect(events).toEqual([]);
        const { rows: levels } = await client.query(
          `select count(*)::int as n from catalog.stock_levels where tenant_id = any ($1::uuid[]) and on_hand <> 0`,
          [BULK_TENANTS],
        );
        expect(movements.length).toBe(levels[0].n);
        const { rows } = await client.query(
          `select count(*)::int as n from pg_trigger where tgfoid = 'audit.capture'::regproc and tgenabled = 'D'`,
        );
        expect(rows[0].n).toBe(0);
      });
    } finally {
      await other.drop();
    }
  });

  // a lower-case SKU (the shortcut for plain ASCII); a name with two spaces, one with a no-break space
  // (the canonical function itself)
  const NOT_CANONICAL: [string, string, string, string][] = [
    [
      'catalog.variants',
      'trg_variants_before_write_canonical',
      'sku-lower-1',
      `insert into catalog.variants (tenant_id, product_id, sku)
       select tenant_id, product_id, $2 from catalog.products where tenant_id = $1 limit 1`,
    ],
    ...['Base  two spaces', 'Base\u00a0NBSP'].map((name): [string, string, string, string] => [
      'catalog.price_lists',
      'trg_price_lists_before_write_canonical',
      name,
      `insert into catalog.price_lists (tenant_id, name, currency, scope, priority)
       select tenant_id, $2, currency, 'base', 7 from catalog.price_lists where tenant_id = $1 limit 1`,
    ]),
  ];
  test.each(NOT_CANONICAL)(
    'the check standing in for app.canonicalize on %s refuses a value that is not canonical (%s, %j)',
    async (table, trigger, value, insert) => {
      await withClient(db.adminUrl, async (client) => {
        await client.query('begin');
        try {
          const plan = (await planBulkTriggers(client, [table])).filter((t) => t.trigger === trigger);
          expect(plan.map((t) => t.checks.length)).toEqual([1]);
          // the loaded rows pass
          await expect(enableAndCheck(client, plan, BULK_TENANTS)).resolves.toBeUndefined();
          await client.query(`alter table ${table} disable trigger ${trigger}`);
          await client.query(insert, [BULK_TENANTS[0], value]);
          await expect(enableAndCheck(client, plan, BULK_TENANTS)).rejects.toThrow(
            `${trigger} would have refused a loaded row`,
          );
        } finally {
          await client.query('rollback');
        }
      });
    },
  );

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
          await expect(
            enableAndCheck(client, [{ ...check, checks: [check.offenders], writes: [] }], [tenant as string]),
          ).rejects.toThrow(check.trigger);
        } finally {
          await client.query('rollback');
        }
      });
    },
  );
});
