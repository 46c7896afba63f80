// The orders rules on the Citus cluster, through @b2b/orders as the application role, in one fresh tenant
// of the shared distributed database: place (priced, reserved, idempotent, short stock refused), approve
// (and reject, which releases), fulfil with invoices, returns with credit notes. Every call is one
// distributed function routed by its p_tenant_id; the errors arrive typed, with their SQLSTATE. And the
// deferred rules: a rule broken earlier in the transaction is the typed error of the next order call, not
// a failure at commit (which Citus reports as a generic internal error).
import { ConflictError, mapDbError, ValidationError } from '@b2b/db';
import {
  approveOrder,
  cancelOrder,
  createDraft,
  fulfilOrder,
  getOpenBalance,
  getOrderInvoices,
  InsufficientStockError,
  placeOrder,
  receiveReturn,
  reconcileStock,
  rejectOrder,
  requestReturn,
  updateDraft,
} from '@b2b/orders';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CitusOrdersBed, openCitusOrdersBed } from './world';

describe('the orders rules on Citus', () => {
  let bed: CitusOrdersBed;
  let key = 0;
  const nextKey = () => `citus-rules-${++key}`;

  beforeAll(async () => {
    bed = await openCitusOrdersBed('orders rules', 20);
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function reserved(): Promise<number> {
    const [row] = await bed.admin<{ reserved: number }>(
      'select reserved::int from catalog.stock_levels where tenant_id = $1 and variant_id = $2',
      [bed.world.tenantId, bed.world.variantId],
    );
    return row?.reserved ?? -1;
  }

  const place = (quantity: number, idempotencyKey = nextKey()) =>
    bed.asTenant((c) =>
      placeOrder(c, {
        companyId: bed.world.companyId,
        buyerId: bed.world.buyerId,
        currency: 'EUR',
        lines: [{ variantId: bed.world.variantId, quantity }],
        idempotencyKey,
      }),
    );

  test('place: priced and reserved in one call; the same key returns the first order; short stock is InsufficientStockError', async () => {
    const before = await reserved();
    const order = await place(3, 'citus-place');
    expect(order).toMatchObject({ state: 'placed', total_amount: '30.00' });
    expect(await reserved()).toBe(before + 3);
    expect((await place(3, 'citus-place')).order_id).toBe(order.order_id);
    await expect(place(1000)).rejects.toBeInstanceOf(InsufficientStockError);
    const conflict = place(4, 'citus-place');
    await expect(conflict).rejects.toBeInstanceOf(ConflictError);
    await expect(conflict).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    await bed.asTenant((c) => cancelOrder(c, order.order_id));
    expect(await reserved()).toBe(before);
  });

  test('approve: an order at or above the rule waits for its approver; approving places it, rejecting releases its stock', async () => {
    const { tenantId, companyId } = bed.world;
    const role = await bed.adminValue<string>(
      `select tests.create_buyer_role($1, 'manager', array['orders.approve'])`,
      [tenantId],
    );
    const manager = await bed.adminValue<string>(
      `select tests.create_buyer($1, $2, $3, 'manager@example.com')`,
      [tenantId, companyId, role],
    );
    await bed.admin(`select tests.create_approval_rule($1, $2, 'big', 50, null, array[$3]::uuid[])`, [
      tenantId,
      companyId,
      role,
    ]);
    const before = await reserved();
    const waiting = await place(5);
    expect(waiting.state).toBe('pending_approval');
    expect(await reserved()).toBe(before + 5);
    const approved = await bed.asTenant(
      (c) => approveOrder(c, { orderId: waiting.order_id, approverId: manager }),
      manager,
    );
    expect(approved.state).toBe('placed');

    const refused = await place(6);
    const rejected = await bed.asTenant(
      (c) => rejectOrder(c, { orderId: refused.order_id, approverId: manager, comment: 'too many' }),
      manager,
    );
    expect(rejected.state).toBe('rejected');
    expect(await reserved()).toBe(before + 5);
    await bed.asTenant((c) => cancelOrder(c, approved.order_id));
    await bed.admin(`update orders.approval_rules set is_active = false where tenant_id = $1`, [tenantId]);
  });

  test('fulfil and invoice: a partial then the full shipment; the invoices add up to the total and raise the balance', async () => {
    const balanceBefore = await bed.asTenant((c) => getOpenBalance(c, bed.world.companyId));
    const order = await place(4);
    const partial = await bed.asTenant((c) =>
      fulfilOrder(c, order.order_id, [{ variantId: bed.world.variantId, quantity: 1 }]),
    );
    expect(partial.state).toBe('partially_fulfilled');
    const full = await bed.asTenant((c) => fulfilOrder(c, order.order_id));
    expect(full.state).toBe('fulfilled');
    const invoices = await bed.asTenant((c) => getOrderInvoices(c, order.order_id));
    expect(invoices.map((i) => i.amount)).toEqual(['10.00', '30.00']);
    const balance = await bed.asTenant((c) => getOpenBalance(c, bed.world.companyId));
    expect(Number(balance) - Number(balanceBefore)).toBe(40);
    const overShip = bed.asTenant((c) => fulfilOrder(c, order.order_id));
    await expect(overShip).rejects.toMatchObject({ code: 'transition_not_allowed' });
  });

  test('return: at most what shipped comes back; receipt restocks and credits the order unit price', async () => {
    const { buyerId, variantId, warehouseId, companyId } = bed.world;
    const order = await place(2);
    await bed.asTenant((c) => fulfilOrder(c, order.order_id));
    const tooMany = bed.asTenant((c) =>
      requestReturn(c, { orderId: order.order_id, buyerId, lines: [{ variantId, quantity: 3 }] }),
    );
    await expect(tooMany).rejects.toBeInstanceOf(ValidationError);
    await expect(tooMany).rejects.toMatchObject({ code: 'return_exceeds_fulfilled' });
    const balanceBefore = await bed.asTenant((c) => getOpenBalance(c, companyId));
    const ret = await bed.asTenant((c) =>
      requestReturn(c, { orderId: order.order_id, buyerId, lines: [{ variantId, quantity: 1 }] }),
    );
    const received = await bed.asTenant((c) => receiveReturn(c, { returnId: ret.return_id, warehouseId }));
    expect(received).toMatchObject({ state: 'received', credit_amount: '10.00' });
    const balance = await bed.asTenant((c) => getOpenBalance(c, companyId));
    expect(Number(balanceBefore) - Number(balance)).toBe(10);
  });

  test('a total broken earlier in the transaction is the typed error of the next order call (B3003), not of commit', async () => {
    const { tenantId, companyId, buyerId, variantId } = bed.world;
    const draft = await bed.asTenant((c) =>
      createDraft(c, { companyId, buyerId, currency: 'EUR', lines: [{ variantId, quantity: 2 }] }),
    );
    const broken = bed.asTenant(async (c) => {
      await c.query('update orders.orders set total_amount = 99 where tenant_id = $1 and order_id = $2', [
        tenantId,
        draft.order_id,
      ]);
      const { rows } = await c.query<{ version: number }>(
        'select version from orders.orders where tenant_id = $1 and order_id = $2',
        [tenantId, draft.order_id],
      );
      return updateDraft(c, {
        orderId: draft.order_id,
        expectedVersion: rows[0]?.version ?? 0,
        purchaseOrderNumber: 'PO-1',
      });
    });
    await expect(broken).rejects.toMatchObject({ code: 'order_total_mismatch' });
  });

  test('stock still held by an order cancelled earlier in the transaction is the typed error of the next cancel or reject (B3016), not of commit', async () => {
    const { tenantId, companyId } = bed.world;
    const role = await bed.adminValue<string>(
      `select tests.create_buyer_role($1, 'deferred-manager', array['orders.approve'])`,
      [tenantId],
    );
    const manager = await bed.adminValue<string>(
      `select tests.create_buyer($1, $2, $3, 'deferred.manager@example.com')`,
      [tenantId, companyId, role],
    );
    await bed.admin(`select tests.create_approval_rule($1, $2, 'deferred', 50, null, array[$3]::uuid[])`, [
      tenantId,
      companyId,
      role,
    ]);
    try {
      const forced = await place(1);
      const placed = await place(1);
      const waiting = await place(5);
      expect(waiting.state).toBe('pending_approval');
      // a direct write cancels `forced` without releasing its stock: its own statement passes (deferred)
      const cancelDirectly = (c: pg.ClientBase) =>
        c.query(`update orders.orders set state = 'cancelled' where tenant_id = $1 and order_id = $2`, [
          tenantId,
          forced.order_id,
        ]);
      const cancelled = bed.asTenant(async (c) => {
        await cancelDirectly(c);
        return cancelOrder(c, placed.order_id);
      });
      await expect(cancelled).rejects.toMatchObject({ code: 'order_transition_precondition_unmet' });
      const rejected = bed.asTenant(async (c) => {
        await cancelDirectly(c);
        return rejectOrder(c, { orderId: waiting.order_id, approverId: manager, comment: 'no' });
      }, manager);
      await expect(rejected).rejects.toMatchObject({ code: 'order_transition_precondition_unmet' });
      // both transactions rolled back: the three orders still hold their stock, and cancel as usual
      for (const order of [forced, placed, waiting])
        expect((await bed.asTenant((c) => cancelOrder(c, order.order_id))).state).toBe('cancelled');
    } finally {
      await bed.admin(`update orders.approval_rules set is_active = false where tenant_id = $1`, [tenantId]);
    }
  });

  test('the stock journal runs on the shards: every writer is one movement with its reason, and the journal adds up', async () => {
    const { tenantId, variantId, warehouseId } = bed.world;
    const level = [tenantId, variantId, warehouseId];
    const movements = () =>
      bed.admin<{ id: string; reason: string; on_hand: number; reserved: number }>(
        `select movement_id as id, reason, on_hand_delta::int as on_hand, reserved_delta::int as reserved
         from catalog.stock_movements where tenant_id = $1 and variant_id = $2 and warehouse_id = $3`,
        level,
      );
    const before = new Set((await movements()).map((m) => m.id));
    const [{ on_hand: onHand } = { on_hand: 0 }] = await bed.admin<{ on_hand: number }>(
      'select on_hand::int from catalog.stock_levels where tenant_id = $1 and variant_id = $2 and warehouse_id = $3',
      level,
    );
    const row = (extra: Record<string, number>) =>
      JSON.stringify([{ variant_id: variantId, warehouse_id: warehouseId, ...extra }]);
    // a count (distributed function, reason sync), a correction (adjustment), a direct write after a reason
    // set on the coordinator (SET LOCAL carried to the worker), a direct write with none (adjustment)
    await bed.asTenant((c) =>
      c.query('select catalog.sync_stock_levels($1, $2::jsonb)', [tenantId, row({ on_hand: onHand + 5 })]),
    );
    await bed.asTenant((c) =>
      c.query('select catalog.adjust_stock_levels($1, $2::jsonb)', [tenantId, row({ delta: -2 })]),
    );
    const direct =
      'update catalog.stock_levels set on_hand = on_hand + 1 where tenant_id = $1 and variant_id = $2 and warehouse_id = $3';
    await bed.asTenant(async (c) => {
      await c.query(`select catalog.set_stock_reason('sync')`);
      await c.query(direct, level);
    });
    await bed.asTenant((c) => c.query(direct, level));
    const added = (await movements()).filter((m) => !before.has(m.id)).map(({ id: _, ...m }) => m);
    expect(added).toEqual(
      expect.arrayContaining([
        { reason: 'sync', on_hand: 5, reserved: 0 },
        { reason: 'adjustment', on_hand: -2, reserved: 0 },
        { reason: 'sync', on_hand: 1, reserved: 0 },
        { reason: 'adjustment', on_hand: 1, reserved: 0 },
      ]),
    );
    expect(added).toHaveLength(4);
    // reserved changed outside an order reason is refused on the shard with its own SQLSTATE, even for the owner
    await expect(
      bed.admin(
        'update catalog.stock_levels set reserved = reserved + 1 where tenant_id = $1 and variant_id = $2 and warehouse_id = $3',
        level,
      ),
    ).rejects.toMatchObject({ code: 'B2212' });
    // the journal's own guards run on the shard too: no direct insert (the guard sees trigger depth 1 there,
    // the journal triggers' inserts depth 2), and append-only even for the superuser
    const forged = bed.asTenant((c) =>
      c.query(
        `insert into catalog.stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason)
         values ($1, $2, 100, 0, 'adjustment')`,
        [variantId, warehouseId],
      ),
    );
    await expect(forged).rejects.toMatchObject({ code: 'stock_movement_direct_write' }); // B2213
    await expect(
      bed.admin('delete from catalog.stock_movements where tenant_id = $1 and variant_id = $2', [
        tenantId,
        variantId,
      ]),
    ).rejects.toMatchObject({ code: 'B2214' });
    // per level of the tenant, the journal adds up to on_hand and reserved, and reserved to the open
    // orders' allocations: orders.reconcile_stock, delegated to the tenant's worker
    expect(await bed.asTenant((c) => reconcileStock(c))).toEqual([]);
  });

  test('a tenant argument other than the transaction tenant is refused (B2002) before anything is read', async () => {
    const { companyId } = bed.world;
    const other = '00000000-0000-4000-8000-000000000001';
    const refused = bed.asTenant((c) =>
      c.query('select orders.open_balance($1, $2)', [other, companyId]).catch((e) => {
        throw mapDbError(e);
      }),
    );
    await expect(refused).rejects.toMatchObject({ code: 'tenant_argument_mismatch' });
  });
});
