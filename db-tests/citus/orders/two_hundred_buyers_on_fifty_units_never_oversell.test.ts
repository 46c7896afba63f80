// The oversell proof of packages/orders/src/concurrency.test.ts on the Citus cluster: 200 concurrent buyers
// of one fresh tenant order 1 unit each of a variant with 50 units. Every placeOrder is one distributed
// function call routed to the worker holding the tenant, where the stock rows are locked in the global
// (variant_id, warehouse_id) order: exactly 50 orders are placed, the other 150 get the typed
// InsufficientStockError (one attempt each, so a deadlock or serialization failure would show), and the
// level holds exactly 50 reserved. No timing assertions.
import { InsufficientStockError, placeOrder, reconcileStock } from '@b2b/orders';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CitusOrdersBed, openCitusOrdersBed } from './world';

describe('@b2b/orders under concurrency on Citus', () => {
  let bed: CitusOrdersBed;

  beforeAll(async () => {
    bed = await openCitusOrdersBed('oversell', 50, 20);
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('200 concurrent buyers ordering a variant with 50 units sell exactly 50 and never over-reserve', async () => {
    const { tenantId, companyId, purchaserRoleId, variantId } = bed.world;
    const buyers = (
      await bed.admin<{ id: string }>(
        `select tests.create_buyer($1, $2, $3, 'rush' || n || '@example.com') as id from generate_series(1, 200) n`,
        [tenantId, companyId, purchaserRoleId],
      )
    ).map((r) => r.id);

    const outcomes = await Promise.allSettled(
      buyers.map((buyerId, i) =>
        bed.asTenant(
          (c) =>
            placeOrder(c, {
              companyId,
              buyerId,
              currency: 'EUR',
              lines: [{ variantId, quantity: 1 }],
              idempotencyKey: `rush-${i}`,
            }),
          buyerId,
        ),
      ),
    );
    const placed = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(refused.filter((e) => !(e instanceof InsufficientStockError))).toEqual([]);
    expect(placed).toHaveLength(50);
    expect(refused).toHaveLength(150);

    const [row] = await bed.admin<{ on_hand: number; reserved: number; orders: number }>(
      `select s.on_hand::int, s.reserved::int,
         (select count(*)::int from orders.orders o where o.tenant_id = s.tenant_id and o.state = 'placed') as orders
       from catalog.stock_levels s where s.tenant_id = $1 and s.variant_id = $2`,
      [tenantId, variantId],
    );
    expect(row).toEqual({ on_hand: 50, reserved: 50, orders: 50 });
    // the journal, written on the shard by the row triggers, holds one movement per placed order and adds up
    const [journal] = await bed.admin<{ orders: number; reserved: number }>(
      `select count(*)::int as orders, sum(reserved_delta)::int as reserved from catalog.stock_movements
       where tenant_id = $1 and variant_id = $2 and reason = 'order'`,
      [tenantId, variantId],
    );
    expect(journal).toEqual({ orders: 50, reserved: 50 });
    // per level of the tenant, the journal adds up to on_hand and reserved, and reserved to the open
    // orders' allocations: orders.reconcile_stock, delegated to the tenant's worker
    expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
  }, 600_000);
});
