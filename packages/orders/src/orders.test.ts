// @b2b/orders through withTenant as the application role: the typed API and its typed errors.
import { ConflictError, PermissionError, ValidationError } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  cancelOrder,
  completeOrder,
  createDraft,
  fulfilOrder,
  getOrder,
  getOrderHistory,
  getOrderLines,
  InsufficientStockError,
  listOrdersOfCompany,
  NotFoundError,
  placeOrder,
  StaleOrderVersionError,
  submitOrder,
  TransitionNotAllowedError,
  updateDraft,
} from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders', () => {
  let bed: OrdersTestBed;
  const order = (key: string, quantity = 1) => ({
    companyId: bed.world.companyId,
    buyerId: bed.world.buyerId,
    currency: 'EUR',
    lines: [{ variantId: bed.world.variantId, quantity }],
    idempotencyKey: key,
  });

  beforeAll(async () => {
    bed = await openTestBed({ stock: 10 });
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('placeOrder prices, totals and reserves in one call; the lines and history are readable', async () => {
    // the acting user of withTenant is who the history names
    const placed = await bed.asTenant(
      (c) => placeOrder(c, { ...order('api-1', 3), purchaseOrderNumber: 'PO-9' }),
      bed.world.buyerId,
    );
    expect(placed).toMatchObject({ state: 'placed', total_amount: '30.00', purchase_order_number: 'PO-9' });
    const [lines, history, again] = await bed.asTenant(
      async (c) =>
        [
          await getOrderLines(c, placed.order_id),
          await getOrderHistory(c, placed.order_id),
          await getOrder(c, placed.order_id),
        ] as const,
    );
    expect(lines).toMatchObject([{ line_number: 1, quantity: 3, unit_price: '10.00', line_total: '30.00' }]);
    expect(history.map((h) => [h.from_state, h.to_state, h.changed_by])).toEqual([
      [null, 'draft', bed.world.buyerId],
      ['draft', 'placed', bed.world.buyerId],
    ]);
    expect(again.version).toBe(placed.version);
    const { rows } = await bed.admin.query(
      'select sum(reserved_quantity)::int as reserved from orders.order_allocations where order_id = $1',
      [placed.order_id],
    );
    expect(rows[0]).toEqual({ reserved: 3 });
  }, 60_000);

  test('a stale draft edit gets the typed conflict error', async () => {
    const draft = await bed.asTenant((c) => createDraft(c, { ...order('unused'), idempotencyKey: null }));
    const edited = await bed.asTenant((c) =>
      updateDraft(c, {
        orderId: draft.order_id,
        expectedVersion: draft.version,
        lines: [{ variantId: bed.world.variantId, quantity: 2 }],
      }),
    );
    expect(edited.version).toBeGreaterThan(draft.version);
    expect(edited.total_amount).toBe('20.00');

    const stale = bed.asTenant((c) =>
      updateDraft(c, {
        orderId: draft.order_id,
        expectedVersion: draft.version,
        purchaseOrderNumber: 'LOST-UPDATE',
      }),
    );
    await expect(stale).rejects.toBeInstanceOf(StaleOrderVersionError);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'order_version_conflict', sqlstate: 'B3002' });
    const unchanged = await bed.asTenant((c) => getOrder(c, draft.order_id));
    expect(unchanged.purchase_order_number).toBeNull();

    const submitted = await bed.asTenant((c) =>
      submitOrder(c, { orderId: draft.order_id, expectedVersion: edited.version }),
    );
    expect(submitted.state).toBe('placed');
  }, 60_000);

  test('cancel, fulfil and complete follow the state machine; forbidden moves are typed', async () => {
    const placed = await bed.asTenant((c) => placeOrder(c, order('api-2', 2)));
    const partly = await bed.asTenant((c) =>
      fulfilOrder(c, placed.order_id, [{ variantId: bed.world.variantId, quantity: 1 }]),
    );
    expect(partly.state).toBe('partially_fulfilled');
    const refused = bed.asTenant((c) => cancelOrder(c, placed.order_id));
    await expect(refused).rejects.toBeInstanceOf(TransitionNotAllowedError);
    await expect(refused).rejects.toMatchObject({ code: 'transition_not_allowed' });
    expect((await bed.asTenant((c) => fulfilOrder(c, placed.order_id))).state).toBe('fulfilled');
    expect((await bed.asTenant((c) => completeOrder(c, placed.order_id))).state).toBe('completed');

    const other = await bed.asTenant((c) => placeOrder(c, order('api-3', 1)));
    expect((await bed.asTenant((c) => cancelOrder(c, other.order_id))).state).toBe('cancelled');
  }, 60_000);

  test('business rule errors are typed', async () => {
    await expect(bed.asTenant((c) => placeOrder(c, order('api-4', 1000)))).rejects.toBeInstanceOf(
      InsufficientStockError,
    );
    await expect(
      bed.asTenant((c) => placeOrder(c, { ...order('api-5'), currency: 'USD' })),
    ).rejects.toMatchObject({
      code: 'order_currency_mismatch',
    });
    const noLines = bed.asTenant((c) => placeOrder(c, { ...order('api-6'), lines: [] }));
    await expect(noLines).rejects.toBeInstanceOf(ValidationError);
    await expect(noLines).rejects.toMatchObject({ code: 'order_lines_invalid' });
    await expect(
      bed.asTenant((c) =>
        placeOrder(c, { ...order('api-7'), buyerId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).rejects.toMatchObject({ code: 'buyer_not_in_company' });
    await expect(
      bed.asTenant((c) => getOrder(c, '00000000-0000-4000-8000-000000000000')),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      bed.asTenant((c) => cancelOrder(c, '00000000-0000-4000-8000-000000000000')),
    ).rejects.toBeInstanceOf(NotFoundError);

    const viewer = (
      await bed.admin.query(
        `select tests.create_buyer($1, $2, tests.create_buyer_role($1, 'viewer', array['orders.view_all']), 'viewer@example.com') as id`,
        [bed.world.tenantId, bed.world.companyId],
      )
    ).rows[0].id;
    const notPermitted = bed.asTenant((c) => placeOrder(c, { ...order('api-8'), buyerId: viewer }));
    await expect(notPermitted).rejects.toBeInstanceOf(PermissionError);
    await expect(notPermitted).rejects.toMatchObject({
      code: 'order_create_not_permitted',
      sqlstate: 'B3009',
    });
  }, 60_000);

  test('listOrdersOfCompany pages newest first', async () => {
    const all = await bed.asTenant((c) =>
      listOrdersOfCompany(c, { companyId: bed.world.companyId, limit: 500 }),
    );
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    expect(all.next).toBeUndefined();
    // newest first, as the name says: created_at never increases down the list, and it does change
    const times = all.items.map((o) => new Date(o.created_at).getTime());
    expect(
      times.every((t, i) => i === 0 || t <= (times[i - 1] as number)),
      'created_at descending',
    ).toBe(true);
    expect(new Set(times).size, 'orders of more than one instant').toBeGreaterThan(1);
    const [first, second] = await bed.asTenant(async (c) => {
      const page1 = await listOrdersOfCompany(c, { companyId: bed.world.companyId, limit: 2 });
      const page2 = await listOrdersOfCompany(c, {
        companyId: bed.world.companyId,
        limit: 2,
        after: page1.next,
      });
      return [page1.items, page2.items];
    });
    expect([...first, ...second].map((o) => o.order_id)).toEqual(
      all.items.slice(0, 4).map((o) => o.order_id),
    );
    await expect(
      listOrdersOfCompany(undefined as never, { companyId: bed.world.companyId, limit: 0 }),
    ).rejects.toThrow(RangeError);
  }, 60_000);
});
