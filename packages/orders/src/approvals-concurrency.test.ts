// One person approves at most one tier of an order, also when the same request arrives twice at once:
// a barrier (the order row held locked by a third connection) lets both calls start and wait on the
// order lock before either runs, so they truly overlap. Outcomes only, no timing assertions.
import { PermissionError, withTenant } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TransitionNotAllowedError } from './errors';
import { approveOrder, createApprovalRule, getOrderApprovals, placeOrder, rejectOrder } from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders approvals under concurrency', () => {
  let bed: OrdersTestBed;
  let managers: string[];
  let serial = 0;

  beforeAll(async () => {
    bed = await openTestBed({ stock: 1000, poolSize: 6 });
    const { tenantId, companyId } = bed.world;
    const role: string = (
      await bed.admin.query(`select tests.create_buyer_role($1, 'manager', array['orders.approve']) as id`, [
        tenantId,
      ])
    ).rows[0].id;
    managers = (
      await bed.admin.query(
        `select tests.create_buyer($1, $2, $3, 'manager' || n || '@example.com') as id from generate_series(1, 2) n`,
        [tenantId, companyId, role],
      )
    ).rows.map((r) => r.id);
    // the rule: two tiers, both naming the role manager
    await bed.asTenant((c) =>
      createApprovalRule(c, {
        companyId,
        name: 'two managers',
        minTotalAmount: '100',
        currency: 'EUR',
        tiers: [[role], [role]],
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  async function pendingOrder(): Promise<string> {
    serial += 1;
    const order = await bed.asTenant((c) =>
      placeOrder(c, {
        companyId: bed.world.companyId,
        buyerId: bed.world.buyerId,
        currency: 'EUR',
        lines: [{ variantId: bed.world.variantId, quantity: 10 }],
        idempotencyKey: `pending-${serial}`,
      }),
    );
    expect(order.state).toBe('pending_approval');
    return order.order_id;
  }

  /** Runs the calls at once: they start while the order is locked, and run when both wait on that lock. */
  async function atOnce<T>(orderId: string, calls: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    await bed.admin.query('begin');
    await bed.admin.query('select 1 from orders.orders where order_id = $1 for update', [orderId]);
    const running = Promise.allSettled(calls.map((call) => call()));
    try {
      for (let waited = 0; ; waited += 20) {
        // (inside a transaction the activity view is a snapshot taken once: clear it to see new waiters)
        await bed.admin.query('select pg_stat_clear_snapshot()');
        const { rows } = await bed.admin.query(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        );
        if (rows[0].n >= calls.length) break;
        if (waited > 20_000)
          throw new Error(`only ${rows[0].n} of ${calls.length} calls reached the order lock`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await bed.admin.query('commit');
    }
    return running;
  }

  const asManager = <T>(i: number, fn: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(bed.pool, { tenantId: bed.world.tenantId, userId: managers[i] }, fn, { attempts: 1 });

  test('the same manager approving twice at once approves one tier; the other call is a replay', async () => {
    const orderId = await pendingOrder();
    const outcomes = await atOnce(orderId, [
      () => asManager(0, (c) => approveOrder(c, { orderId, approverId: managers[0] as string })),
      () => asManager(0, (c) => approveOrder(c, { orderId, approverId: managers[0] as string })),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.state : o.reason))).toEqual([
      'pending_approval',
      'pending_approval',
    ]);
    const tiers = await bed.asTenant((c) => getOrderApprovals(c, orderId));
    expect(tiers.map((t) => [t.tier, t.decision ?? null, t.approver_id ?? null])).toEqual([
      [1, 'approved', managers[0]],
      [2, null, null],
    ]);

    // sequentially too, and then a second manager decides tier 2
    const again = await asManager(0, (c) => approveOrder(c, { orderId, approverId: managers[0] as string }));
    expect(again.state).toBe('pending_approval');
    const placed = await asManager(1, (c) => approveOrder(c, { orderId, approverId: managers[1] as string }));
    expect(placed.state).toBe('placed');
  }, 60_000);

  test('the same manager approving and rejecting at once makes one decision; the other call is refused', async () => {
    const orderId = await pendingOrder();
    const outcomes = await atOnce(orderId, [
      () => asManager(0, (c) => approveOrder(c, { orderId, approverId: managers[0] as string })),
      () => asManager(0, (c) => rejectOrder(c, { orderId, approverId: managers[0] as string })),
    ]);
    const decided = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(decided).toHaveLength(1);
    expect(refused).toHaveLength(1);
    // approve first: the rejection is a second decision (B3015); reject first: the order is no longer pending (B3001)
    const error = refused[0];
    expect(
      (error instanceof PermissionError && error.code === 'approver_already_decided') ||
        (error instanceof TransitionNotAllowedError && error.code === 'transition_not_allowed'),
    ).toBe(true);
    const tiers = await bed.asTenant((c) => getOrderApprovals(c, orderId));
    expect(tiers.filter((t) => t.decision).map((t) => t.approver_id)).toEqual([managers[0]]);
  }, 60_000);

  test('two managers approving at once decide the two tiers: placed', async () => {
    const orderId = await pendingOrder();
    const outcomes = await atOnce(orderId, [
      () => asManager(0, (c) => approveOrder(c, { orderId, approverId: managers[0] as string })),
      () => asManager(1, (c) => approveOrder(c, { orderId, approverId: managers[1] as string })),
    ]);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.state : null)).sort()).toEqual([
      'pending_approval',
      'placed',
    ]);
    const tiers = await bed.asTenant((c) => getOrderApprovals(c, orderId));
    expect(new Set(tiers.map((t) => t.approver_id))).toEqual(new Set(managers));
  }, 60_000);
});
