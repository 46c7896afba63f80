// Approvals and spending limits through @b2b/orders as the application role.
import { PermissionError } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveOrder,
  createApprovalRule,
  getOrderApprovals,
  placeOrder,
  rejectOrder,
  SpendingLimitExceededError,
} from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders approvals', () => {
  let bed: OrdersTestBed;
  let managerRole: string;
  let manager: string;
  const order = (key: string, quantity: number) => ({
    companyId: bed.world.companyId,
    buyerId: bed.world.buyerId,
    currency: 'EUR',
    lines: [{ variantId: bed.world.variantId, quantity }],
    idempotencyKey: key,
  });

  beforeAll(async () => {
    bed = await openTestBed({ stock: 100 });
    const { tenantId, companyId } = bed.world;
    managerRole = (
      await bed.admin.query(`select tests.create_buyer_role($1, 'manager', array['orders.approve']) as id`, [
        tenantId,
      ])
    ).rows[0].id;
    manager = (
      await bed.admin.query(`select tests.create_buyer($1, $2, $3, 'manager@example.com') as id`, [
        tenantId,
        companyId,
        managerRole,
      ])
    ).rows[0].id;
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('an order at or above the rule amount waits for the approver, then is placed', async () => {
    const rule = await bed.asTenant((c) =>
      createApprovalRule(c, {
        companyId: bed.world.companyId,
        name: 'Orders from 100 EUR',
        minTotalAmount: '100',
        currency: 'EUR',
        tiers: [[managerRole]],
      }),
    );
    expect(rule).toMatchObject({ min_total_amount: '100', tier_rows: 1, is_active: true });

    expect((await bed.asTenant((c) => placeOrder(c, order('small', 9)))).state).toBe('placed');
    const big = await bed.asTenant((c) => placeOrder(c, order('big', 10)));
    expect(big.state).toBe('pending_approval');

    const self = bed.asTenant((c) =>
      approveOrder(c, { orderId: big.order_id, approverId: bed.world.buyerId }),
    );
    await expect(self).rejects.toBeInstanceOf(PermissionError);
    await expect(self).rejects.toMatchObject({ code: 'self_approval' });

    const approved = await bed.asTenant((c) =>
      approveOrder(c, { orderId: big.order_id, approverId: manager, comment: 'fine' }),
    );
    expect(approved.state).toBe('placed');
    const tiers = await bed.asTenant((c) => getOrderApprovals(c, big.order_id));
    expect(tiers).toMatchObject([
      { tier: 1, approver_role_ids: [managerRole], decision: 'approved', comment: 'fine' },
    ]);

    const other = await bed.asTenant((c) => placeOrder(c, order('big-2', 10)));
    expect(
      (await bed.asTenant((c) => rejectOrder(c, { orderId: other.order_id, approverId: manager }))).state,
    ).toBe('rejected');
  }, 60_000);

  test('a spending limit refuses the order with a typed error', async () => {
    await bed.admin.query(
      `update accounts.buyers set spending_limit = 1, spending_period = 'day' where buyer_id = $1`,
      [bed.world.buyerId],
    );
    const refused = bed.asTenant((c) => placeOrder(c, order('over-limit', 1)));
    await expect(refused).rejects.toBeInstanceOf(SpendingLimitExceededError);
    await expect(refused).rejects.toMatchObject({ code: 'spending_limit_exceeded', sqlstate: 'B3102' });
  }, 60_000);
});
