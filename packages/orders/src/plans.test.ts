// Placing an order plans each of its statements once per connection (issue 13). PL/pgSQL keeps a plan per
// statement, but with plan_cache_mode = auto a statement whose custom plans always cost less than its
// generic plan is planned again on every call: the pricing statement and the discontinued-variant check
// (both over an unnest of the lines' arrays) were, 0.6 ms of planning per order. This counts the plans
// in pg_stat_statements (track = all on the test clusters; track_planning switched on for this database)
// of every statement an order runs, nested ones and those added later included.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeOrder } from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

const ORDERS = 20;
/** PostgreSQL's plan cache plans a statement five times with its values before it weighs the generic plan. */
const CUSTOM_PLANS_TRIED = 5;

describe('placing an order plans its statements once per connection', () => {
  let bed: OrdersTestBed;
  let variantIds: string[];

  beforeAll(async () => {
    // one connection, opened after the setting (the pool connects on first use)
    bed = await openTestBed({ stock: 1_000, poolSize: 1 });
    const { tenantId, warehouseId } = bed.world;
    await bed.admin
      .query(
        `select format('alter database %I set pg_stat_statements.track_planning = on', current_database()) as sql`,
      )
      .then(({ rows }) => bed.admin.query(rows[0].sql));
    variantIds = [];
    for (const sku of ['PLAN-1', 'PLAN-2', 'PLAN-3']) {
      const { rows } = await bed.admin.query(
        `select tests.create_variant($1, tests.create_product($1, $2), $2) as id`,
        [tenantId, sku],
      );
      variantIds.push(rows[0].id);
      await bed.admin.query('select tests.set_base_price($1, $2, 10.00)', [tenantId, rows[0].id]);
      await bed.admin.query('select tests.set_stock($1, $2, $3, 1000)', [tenantId, rows[0].id, warehouseId]);
    }
  });
  afterAll(async () => {
    await bed?.close();
  });

  test(`${ORDERS} orders on one connection: no statement of the order path is planned on every call`, async () => {
    for (let n = 0; n < ORDERS; n++) {
      await bed.asTenant(
        (c) =>
          placeOrder(c, {
            companyId: bed.world.companyId,
            buyerId: bed.world.buyerId,
            currency: 'EUR',
            lines: variantIds.map((variantId, i) => ({ variantId, quantity: 1 + ((n + i) % 3) })),
            idempotencyKey: `plans-${n}`,
          }),
        bed.world.buyerId,
      );
    }
    const { rows } = await bed.admin.query<{ query: string; calls: string; plans: string }>(
      `select regexp_replace(s.query, '\\s+', ' ', 'g') as query, s.calls, s.plans
         from public.pg_stat_statements s
        where s.dbid = (select oid from pg_catalog.pg_database where datname = current_database())
          and not s.toplevel and s.calls >= $1`,
      [ORDERS],
    );
    // the order's nested statements were counted (else the assertion below would hold for nothing); the
    // client's own statements (top level, unnamed) are planned on every call by design
    expect(rows.some((r) => r.query.includes('from catalog.prices p'))).toBe(true);
    const replanned = rows
      .filter((r) => Number(r.plans) > CUSTOM_PLANS_TRIED + 1 && Number(r.plans) * 2 > Number(r.calls))
      .map((r) => `${r.plans} plans in ${r.calls} calls: ${r.query.slice(0, 160)}`);
    expect(replanned).toEqual([]);
  });
});
