// Reserved stock belongs to the orders that reserved it (issue 9, item 2), through the typed APIs of
// @b2b/catalog (counts, adjustments, the journal) and @b2b/orders (orders, returns, reconcile).
import {
  adjustStockLevels,
  getStockByWarehouse,
  listStockMovements,
  StockBelowReservedError,
  syncStockLevels,
  upsertStockLevels,
} from '@b2b/catalog';
import { ValidationError, withTenant } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  cancelOrder,
  fulfilOrder,
  InsufficientStockError,
  placeOrder,
  receiveReturn,
  reconcileStock,
  requestReturn,
} from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('stock belongs to the orders that reserved it', () => {
  let bed: OrdersTestBed;
  let keys = 0;

  beforeAll(async () => {
    bed = await openTestBed({ stock: 10, poolSize: 12 });
  });
  afterAll(async () => {
    await bed?.close();
  });

  const order = (variantId: string, quantity: number) =>
    bed.asTenant(
      (c) =>
        placeOrder(c, {
          companyId: bed.world.companyId,
          buyerId: bed.world.buyerId,
          currency: 'EUR',
          lines: [{ variantId, quantity }],
          idempotencyKey: `stock-${++keys}`,
        }),
      bed.world.buyerId,
    );
  const level = async (variantId: string, warehouseId: string) => {
    const rows = await bed.asTenant((c) => getStockByWarehouse(c, variantId));
    const row = rows.find((r) => r.warehouse_id === warehouseId);
    return row && { onHand: Number(row.on_hand), reserved: Number(row.reserved) };
  };
  /** A fresh variant priced 10.00 EUR with `units` in the world's warehouse. */
  async function freshVariant(sku: string, units: number): Promise<string> {
    const { rows } = await bed.admin.query(
      `select tests.create_variant($1, tests.create_product($1, $2), $2) as id`,
      [bed.world.tenantId, sku],
    );
    const variantId: string = rows[0].id;
    await bed.admin.query('select tests.set_base_price($1, $2, 10.00)', [bed.world.tenantId, variantId]);
    await bed.admin.query('select tests.set_stock($1, $2, $3, $4)', [
      bed.world.tenantId,
      variantId,
      bed.world.warehouseId,
      units,
    ]);
    return variantId;
  }

  test("the issue's example: an admin count keeps order A's 6 reserved units, B cannot take them, A cancels and ships", async () => {
    const { variantId, warehouseId } = bed.world;
    const a = await order(variantId, 6);
    // the count an admin sends without `reserved` (the input has no such field any more)
    const [after] = await bed.asTenant((c) => upsertStockLevels(c, [{ variantId, warehouseId, onHand: 10 }]));
    expect(after).toMatchObject({ on_hand: '10', reserved: '6', available: '4' });

    const b = await order(variantId, 10).catch((e: unknown) => e);
    expect(b).toBeInstanceOf(InsufficientStockError);
    expect(b).toMatchObject({ code: 'insufficient_stock', sqlstate: 'B3201' });

    const b4 = await order(variantId, 4);
    await bed.asTenant((c) => fulfilOrder(c, b4.order_id));
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 6, reserved: 6 });

    // A ships in parts from its own reservation; another order's cancel releases exactly its own units
    await bed.asTenant((c) => fulfilOrder(c, a.order_id, [{ variantId, quantity: 2 }]));
    const a2 = await order(variantId, 1).catch((e: unknown) => e);
    expect(a2).toBeInstanceOf(InsufficientStockError);
    await bed.asTenant((c) => upsertStockLevels(c, [{ variantId, warehouseId, onHand: 7 }]));
    const c1 = await order(variantId, 3);
    expect((await bed.asTenant((c) => cancelOrder(c, c1.order_id))).state).toBe('cancelled');
    expect((await bed.asTenant((c) => fulfilOrder(c, a.order_id))).state).toBe('fulfilled');
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 3, reserved: 0 });
    expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
  });

  test('a count or adjustment below the reserved units is a StockBelowReservedError; exactly reserved is fine', async () => {
    const variantId = await freshVariant('BELOW-1', 10);
    const { warehouseId } = bed.world;
    const held = await order(variantId, 6);
    for (const write of [
      () => bed.asTenant((c) => upsertStockLevels(c, [{ variantId, warehouseId, onHand: 5 }])),
      () => bed.asTenant((c) => syncStockLevels(c, [{ variantId, warehouseId, onHand: 0 }])),
      () => bed.asTenant((c) => adjustStockLevels(c, [{ variantId, warehouseId, delta: -5 }])),
    ]) {
      const error = await write().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StockBelowReservedError);
      expect(error).toMatchObject({ code: 'stock_below_reserved', sqlstate: 'B2210' });
    }
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 10, reserved: 6 });
    const [exact] = await bed.asTenant((c) => syncStockLevels(c, [{ variantId, warehouseId, onHand: 6 }]));
    expect(exact).toMatchObject({ on_hand: '6', reserved: '6', available: '0' });

    const negative = await bed
      .asTenant((c) => syncStockLevels(c, [{ variantId, warehouseId, onHand: -1 }]))
      .catch((e: unknown) => e);
    expect(negative).toBeInstanceOf(ValidationError);
    expect(negative).toMatchObject({ code: 'stock_negative' });
    // an order whose units an ERP count brought down to exactly what is reserved can still be cancelled
    // (Medusa #12796, Magento: a WMS count left a cancel impossible)
    expect(await order(variantId, 1).catch((e: unknown) => e)).toBeInstanceOf(InsufficientStockError);
    expect((await bed.asTenant((c) => cancelOrder(c, held.order_id))).state).toBe('cancelled');
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 6, reserved: 0 });
    const twice = await bed
      .asTenant((c) =>
        syncStockLevels(c, [
          { variantId, warehouseId, onHand: 7 },
          { variantId, warehouseId, onHand: 8 },
        ]),
      )
      .catch((e: unknown) => e);
    expect(twice).toMatchObject({ code: 'batch_duplicate_key' });
  });

  test('partial shipments, a return into another warehouse, syncs and adjustments are journaled and reconcile', async () => {
    const variantId = await freshVariant('JOURNAL-1', 8);
    const { warehouseId, buyerId } = bed.world;
    const { rows } = await bed.admin.query(`select tests.create_warehouse($1, 'RETURNS-2') as id`, [
      bed.world.tenantId,
    ]);
    const returnsWarehouse: string = rows[0].id;
    const placed = await order(variantId, 5);
    await bed.asTenant((c) => fulfilOrder(c, placed.order_id, [{ variantId, quantity: 2 }]));
    await bed.asTenant((c) => fulfilOrder(c, placed.order_id, [{ variantId, quantity: 3 }]));
    const ret = await bed.asTenant(
      (c) => requestReturn(c, { orderId: placed.order_id, buyerId, lines: [{ variantId, quantity: 4 }] }),
      buyerId,
    );
    await bed.asTenant((c) => receiveReturn(c, { returnId: ret.return_id, warehouseId: returnsWarehouse }));
    await bed.asTenant((c) => syncStockLevels(c, [{ variantId, warehouseId, onHand: 2 }]));
    await bed.asTenant((c) =>
      adjustStockLevels(c, [{ variantId, warehouseId: returnsWarehouse, delta: -1 }]),
    );

    const main = (await bed.asTenant((c) => listStockMovements(c, { variantId, warehouseId }))).items;
    expect(main.map((m) => [m.reason, m.on_hand_delta, m.reserved_delta]).sort()).toEqual(
      [
        ['adjustment', '8', '0'],
        ['order', '0', '5'],
        ['fulfilment', '-2', '-2'],
        ['fulfilment', '-3', '-3'],
        ['sync', '-1', '0'],
      ].sort(),
    );
    const back = (
      await bed.asTenant((c) => listStockMovements(c, { variantId, warehouseId: returnsWarehouse }))
    ).items;
    expect(back.map((m) => [m.reason, m.on_hand_delta, m.order_id, m.return_id]).sort()).toEqual(
      [
        ['return', '4', placed.order_id, ret.return_id],
        ['adjustment', '-1', null, null],
      ].sort(),
    );
    expect(await level(variantId, returnsWarehouse)).toEqual({ onHand: 3, reserved: 0 });
    expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
  });

  test('a split order releases every warehouse on cancel; concurrent shipments of one order consume it once', async () => {
    // grandnode #560 (a cancel released only the first warehouse), Medusa #12401 (reserved decremented twice)
    const variantId = await freshVariant('SPLIT-1', 6);
    const { tenantId, warehouseId } = bed.world;
    const { rows } = await bed.admin.query(`select tests.create_warehouse($1, 'SPLIT-EAST') as id`, [
      tenantId,
    ]);
    const east: string = rows[0].id;
    await bed.asTenant((c) => syncStockLevels(c, [{ variantId, warehouseId: east, onHand: 4 }]));
    const split = await order(variantId, 9);
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 6, reserved: 6 });
    expect(await level(variantId, east)).toEqual({ onHand: 4, reserved: 3 });
    await bed.asTenant((c) => cancelOrder(c, split.order_id));
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 6, reserved: 0 });
    expect(await level(variantId, east)).toEqual({ onHand: 4, reserved: 0 });

    const shipped = await order(variantId, 8);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        withTenant(bed.pool, { tenantId }, (c) => fulfilOrder(c, shipped.order_id), { attempts: 1 }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await level(variantId, warehouseId)).toEqual({ onHand: 0, reserved: 0 });
    expect(await level(variantId, east)).toEqual({ onHand: 2, reserved: 0 });
    expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
  });

  test('a deactivated warehouse keeps its reservations: they ship or cancel, counts stay protected', async () => {
    const variantId = await freshVariant('INACTIVE-1', 6);
    const { warehouseId } = bed.world;
    const shipped = await order(variantId, 2);
    const cancelled = await order(variantId, 3);
    await bed.admin.query('update catalog.warehouses set is_active = false where warehouse_id = $1', [
      warehouseId,
    ]);
    try {
      expect(await order(variantId, 1).catch((e: unknown) => e)).toBeInstanceOf(InsufficientStockError);
      const refused = await bed
        .asTenant((c) => syncStockLevels(c, [{ variantId, warehouseId, onHand: 4 }]))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StockBelowReservedError);
      await bed.asTenant((c) => fulfilOrder(c, shipped.order_id));
      await bed.asTenant((c) => cancelOrder(c, cancelled.order_id));
      expect(await level(variantId, warehouseId)).toEqual({ onHand: 4, reserved: 0 });
      expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
    } finally {
      await bed.admin.query('update catalog.warehouses set is_active = true where warehouse_id = $1', [
        warehouseId,
      ]);
    }
  });

  test('syncs concurrent with orders on the same levels neither deadlock nor over-promise, and reconcile', async () => {
    const { tenantId, warehouseId } = bed.world;
    const first = await freshVariant('RUSH-A', 20);
    const second = await freshVariant('RUSH-B', 20);
    const { rows } = await bed.admin.query(`select tests.create_warehouse($1, 'RUSH-EAST') as id`, [
      tenantId,
    ]);
    const east: string = rows[0].id;
    await bed.asTenant((c) =>
      syncStockLevels(c, [
        { variantId: first, warehouseId: east, onHand: 10 },
        { variantId: second, warehouseId: east, onHand: 10 },
      ]),
    );
    // orders take both variants (lines in both orders), syncs count all four levels (rows in reverse order)
    const orders = Array.from({ length: 24 }, (_, i) =>
      withTenant(
        bed.pool,
        { tenantId, userId: bed.world.buyerId },
        (c) =>
          placeOrder(c, {
            companyId: bed.world.companyId,
            buyerId: bed.world.buyerId,
            currency: 'EUR',
            lines:
              i % 2
                ? [
                    { variantId: first, quantity: 1 },
                    { variantId: second, quantity: 2 },
                  ]
                : [
                    { variantId: second, quantity: 1 },
                    { variantId: first, quantity: 2 },
                  ],
            idempotencyKey: `rush-${i}`,
          }),
        { attempts: 1 },
      ),
    );
    const syncs = Array.from({ length: 12 }, (_, i) =>
      withTenant(
        bed.pool,
        { tenantId },
        (c) =>
          syncStockLevels(
            c,
            [
              { variantId: second, warehouseId: east, onHand: 10 + (i % 3) },
              { variantId: second, warehouseId, onHand: 20 - (i % 4) },
              { variantId: first, warehouseId: east, onHand: 10 - (i % 2) },
              { variantId: first, warehouseId, onHand: 20 + (i % 5) },
            ].reverse(),
          ),
        { attempts: 1 },
      ),
    );
    const outcomes = await Promise.allSettled([...orders, ...syncs]);
    const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    // the only refusals are the typed ones: out of stock for an order, below reserved for a count
    expect(
      errors.filter((e) => !(e instanceof InsufficientStockError || e instanceof StockBelowReservedError)),
    ).toEqual([]);
    expect(outcomes.slice(0, 24).filter((o) => o.status === 'fulfilled').length).toBeGreaterThan(0);
    const { rows: levels } = await bed.admin.query(
      'select on_hand::int, reserved::int from catalog.stock_levels where variant_id = any($1)',
      [[first, second]],
    );
    for (const l of levels) expect(l.reserved).toBeLessThanOrEqual(l.on_hand);
    expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
  }, 120_000);

  test('drift introduced behind the rules is reported, row by row', async () => {
    const variantId = await freshVariant('DRIFT-1', 5);
    const { warehouseId } = bed.world;
    await order(variantId, 2);
    await bed.admin.query('begin');
    await bed.admin.query('set local session_replication_role = replica');
    await bed.admin.query(
      'update catalog.stock_levels set reserved = 0, on_hand = 9 where variant_id = $1 and warehouse_id = $2',
      [variantId, warehouseId],
    );
    await bed.admin.query('commit');
    const drift = await bed.asTenant((c) => reconcileStock(c));
    expect(drift).toEqual([
      {
        variant_id: variantId,
        warehouse_id: warehouseId,
        on_hand: '9',
        reserved: '0',
        journal_on_hand: '5',
        journal_reserved: '2',
        allocated: '2',
        drift:
          "on_hand differs from the journal; reserved differs from the journal; reserved differs from the open orders' allocations",
      },
    ]);
  });
});
