// Returns through @b2b/orders as the application role.
import { NotFoundError, ValidationError } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fulfilOrder, getOpenBalance, placeOrder, receiveReturn, requestReturn } from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders returns', () => {
  let bed: OrdersTestBed;

  beforeAll(async () => {
    bed = await openTestBed({ stock: 10 });
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('at most the shipped quantity comes back; receipt restocks and credits', async () => {
    const { companyId, buyerId, variantId, warehouseId } = bed.world;
    const order = await bed.asTenant((c) =>
      placeOrder(c, {
        companyId,
        buyerId,
        currency: 'EUR',
        lines: [{ variantId, quantity: 4 }],
        idempotencyKey: 'ret-1',
      }),
    );
    await bed.asTenant((c) => fulfilOrder(c, order.order_id));
    const tooMany = bed.asTenant((c) =>
      requestReturn(c, { orderId: order.order_id, buyerId, lines: [{ variantId, quantity: 5 }] }),
    );
    await expect(tooMany).rejects.toBeInstanceOf(ValidationError);
    await expect(tooMany).rejects.toMatchObject({ code: 'return_exceeds_fulfilled' });

    const ret = await bed.asTenant((c) =>
      requestReturn(c, {
        orderId: order.order_id,
        buyerId,
        lines: [{ variantId, quantity: 1 }],
        reason: 'wrong size',
      }),
    );
    const received = await bed.asTenant((c) => receiveReturn(c, { returnId: ret.return_id, warehouseId }));
    expect(received).toMatchObject({ state: 'received', credit_amount: '10.00' });
    expect(await bed.asTenant((c) => getOpenBalance(c, companyId))).toBe('30.00');
    const { rows } = await bed.admin.query(
      'select on_hand::int from catalog.stock_levels where variant_id = $1',
      [variantId],
    );
    expect(rows[0].on_hand).toBe(7);
  }, 60_000);

  test('an unknown return is a NotFoundError, as an unknown order or quote is', async () => {
    const { warehouseId } = bed.world;
    const unknown = bed.asTenant((c) =>
      receiveReturn(c, { returnId: '00000000-0000-4000-8000-000000000000', warehouseId }),
    );
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
  });
});
