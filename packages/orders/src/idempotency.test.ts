// Idempotency keys bind to the request: the same key with the same request returns the first order; with
// another request or operation, a ConflictError `idempotency_key_reused` (SQLSTATE B3004), also when the two
// calls race. The pgTAP file db-tests/orders/place_order/returns_the_first_order_only_for_the_same_request
// covers every field of the request; this file covers the typed API and the races.
import { ConflictError, withTenant } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDraft, getOrder, placeOrder } from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders idempotency keys', () => {
  let bed: OrdersTestBed;
  let variant2: string;
  const order = (key: string, quantity = 1) => ({
    companyId: bed.world.companyId,
    buyerId: bed.world.buyerId,
    currency: 'EUR',
    lines: [{ variantId: bed.world.variantId, quantity }],
    idempotencyKey: key,
  });
  const reserved = async (): Promise<number> =>
    (
      await bed.admin.query('select reserved::int as n from catalog.stock_levels where variant_id = $1', [
        bed.world.variantId,
      ])
    ).rows[0].n;

  beforeAll(async () => {
    bed = await openTestBed({ stock: 1000, poolSize: 12 });
    const { tenantId, variantId, warehouseId } = bed.world;
    variant2 = (
      await bed.admin.query(
        `select tests.create_variant($1, (select product_id from catalog.variants where variant_id = $2), 'ACME-DR-2') as id`,
        [tenantId, variantId],
      )
    ).rows[0].id;
    await bed.admin.query('select tests.set_stock($1, $2, $3, 1000), tests.set_base_price($1, $2, 3.00)', [
      tenantId,
      variant2,
      warehouseId,
    ]);
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('key K for 1 unit, then K for 5 units: the second is a typed conflict, not the 1-unit order', async () => {
    const first = await bed.asTenant((c) => placeOrder(c, order('issue-k', 1)));
    const before = await reserved();
    const second = bed.asTenant((c) => placeOrder(c, order('issue-k', 5)));
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toMatchObject({
      code: 'idempotency_key_reused',
      sqlstate: 'B3004',
      message: expect.stringContaining('already used for a different place_order request'),
    });
    expect(await reserved()).toBe(before);
    const again = await bed.asTenant((c) => placeOrder(c, order('issue-k', 1)));
    expect(again).toEqual(first);
  });

  test('createDraft with K2, then placeOrder with K2: a typed conflict, the draft stays a draft', async () => {
    const draft = await bed.asTenant((c) => createDraft(c, order('issue-k2', 1)));
    const before = await reserved();
    const placing = bed.asTenant((c) => placeOrder(c, order('issue-k2', 1)));
    await expect(placing).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'idempotency_key_reused',
      message: expect.stringContaining('already used for create_draft, not place_order'),
    });
    const now = await bed.asTenant((c) => getOrder(c, draft.order_id));
    expect(now.state).toBe('draft');
    expect(await reserved()).toBe(before);
    // and the reverse: a placed order's key does not make a draft
    await bed.asTenant((c) => placeOrder(c, order('issue-k3', 1)));
    await expect(bed.asTenant((c) => createDraft(c, order('issue-k3', 1)))).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  test('the same lines in another order are the same request; other addresses or PO numbers are not', async () => {
    const lines = [
      { variantId: bed.world.variantId, quantity: 2 },
      { variantId: variant2, quantity: 7 },
    ];
    const first = await bed.asTenant((c) =>
      placeOrder(c, { ...order('lines-k'), lines, purchaseOrderNumber: 'PO-1' }),
    );
    const reordered = await bed.asTenant((c) =>
      placeOrder(c, { ...order('lines-k'), lines: [...lines].reverse(), purchaseOrderNumber: 'PO-1' }),
    );
    expect(reordered.order_id).toBe(first.order_id);
    await expect(
      bed.asTenant((c) => placeOrder(c, { ...order('lines-k'), lines, purchaseOrderNumber: 'PO-2' })),
    ).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    await expect(bed.asTenant((c) => placeOrder(c, { ...order('lines-k'), lines }))).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  // Waits until another backend of this database waits on a lock (the second call, on the unique index).
  async function untilOneWaitsOnALock(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await bed.admin.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the second call never waited for the first');
  }

  test('two concurrent calls, one key, different payloads: the first to commit wins, the other gets the conflict', async () => {
    const { tenantId, buyerId } = bed.world;
    let second: Promise<unknown> | undefined;
    const first = await withTenant(
      bed.pool,
      { tenantId, userId: buyerId },
      async (c) => {
        const placed = await placeOrder(c, order('race-k', 1));
        // the second call starts while the first is uncommitted: it waits on the key, then compares
        second = bed.asTenant((c2) => placeOrder(c2, order('race-k', 5)));
        second.catch(() => {});
        await untilOneWaitsOnALock();
        return placed;
      },
      { attempts: 1 },
    );
    await expect(second).rejects.toMatchObject({ name: 'ConflictError', code: 'idempotency_key_reused' });
    const { rows } = await bed.admin.query(
      `select count(*)::int as n, min(total_amount)::text as total from orders.orders where idempotency_key = 'race-k'`,
    );
    expect(rows[0]).toEqual({ n: 1, total: first.total_amount });
  });

  test('when the first call rolls back, the concurrent second call with another payload places its own order', async () => {
    const { tenantId, buyerId } = bed.world;
    let second: Promise<Awaited<ReturnType<typeof placeOrder>>> | undefined;
    await expect(
      withTenant(
        bed.pool,
        { tenantId, userId: buyerId },
        async (c) => {
          await placeOrder(c, order('race-rollback', 1));
          second = bed.asTenant((c2) => placeOrder(c2, order('race-rollback', 5)));
          second.catch(() => {});
          await untilOneWaitsOnALock();
          throw new Error('the first caller gives up');
        },
        { attempts: 1 },
      ),
    ).rejects.toThrow('the first caller gives up');
    const placed = await second;
    expect(placed).toMatchObject({ state: 'placed', total_amount: '50.00' });
  });

  test('ten racing calls with one key and two payloads: one order, same-payload calls get it, the others conflict', async () => {
    const { tenantId, buyerId } = bed.world;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        withTenant(
          bed.pool,
          { tenantId, userId: buyerId },
          (c) => placeOrder(c, order('race-many', 1 + (i % 2))),
          {
            attempts: 1,
          },
        ),
      ),
    );
    const { rows } = await bed.admin.query(
      `select order_id, (select quantity from orders.order_lines l where l.order_id = o.order_id) as quantity
       from orders.orders o where idempotency_key = 'race-many'`,
    );
    expect(rows).toHaveLength(1);
    outcomes.forEach((o, i) => {
      if (1 + (i % 2) === rows[0].quantity) {
        expect(o).toMatchObject({ status: 'fulfilled', value: { order_id: rows[0].order_id } });
      } else {
        expect(o).toMatchObject({ status: 'rejected', reason: { code: 'idempotency_key_reused' } });
      }
    });
  });

  test('the same key in another tenant is independent', async () => {
    const other = (await bed.admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    const w = (
      await bed.admin.query(`select * from tests.create_order_world($1, stock => 10, prefix => 'bolt')`, [
        other,
      ])
    ).rows[0];
    const mine = await bed.asTenant((c) => placeOrder(c, order('shared-k', 1)));
    const theirs = await withTenant(bed.pool, { tenantId: other, userId: w.buyer }, (c) =>
      placeOrder(c, {
        companyId: w.company,
        buyerId: w.buyer,
        currency: 'EUR',
        lines: [{ variantId: w.variant, quantity: 4 }],
        idempotencyKey: 'shared-k',
      }),
    );
    expect(theirs.order_id).not.toBe(mine.order_id);
    expect(theirs.total_amount).toBe('40.00');
  });
});
