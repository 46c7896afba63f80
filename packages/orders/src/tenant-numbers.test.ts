// Numbers handed to a tenant reveal nothing about other tenants: the ledger entry a payment returns and the
// history of an order carry no number drawn from a sequence that other tenants' writes move.
import { withTenant } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getOrderHistory, listReceivableEntries, placeOrder, recordPayment } from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids returned to a tenant', () => {
  let bed: OrdersTestBed;
  let beta: { tenantId: string; companyId: string; buyerId: string; variantId: string };

  beforeAll(async () => {
    bed = await openTestBed({ stock: 100 });
    const tenantId: string = (await bed.admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    const w = (
      await bed.admin.query(`select * from tests.create_order_world($1, stock => 100, prefix => 'beta')`, [
        tenantId,
      ])
    ).rows[0];
    beta = { tenantId, companyId: w.company, buyerId: w.buyer, variantId: w.variant };
  }, 60_000);
  afterAll(async () => {
    await bed?.close();
  });

  const pay = (reference: string) =>
    bed.asTenant((c) =>
      recordPayment(c, { companyId: bed.world.companyId, amount: '1.00', currency: 'EUR', reference }),
    );
  const betaPays = (reference: string) =>
    withTenant(bed.pool, { tenantId: beta.tenantId }, (c) =>
      recordPayment(c, { companyId: beta.companyId, amount: '1.00', currency: 'EUR', reference }),
    );

  test('a payment entry id is a random uuid, whatever other tenants booked in between', async () => {
    const first = await pay('a-1');
    for (let i = 0; i < 3; i++) await betaPays(`b-${i}`);
    const second = await pay('a-2');
    for (const entry of [first, second]) expect(entry.entry_id).toMatch(UUID_V4);
    // the ledger lists both, newest first, and its cursor carries no shared number either
    const page = await bed.asTenant((c) =>
      listReceivableEntries(c, { companyId: bed.world.companyId, limit: 1 }),
    );
    expect(page.items.map((e) => e.entry_id)).toEqual([second.entry_id]);
    const cursor = JSON.parse(Buffer.from(page.next as string, 'base64url').toString('utf8'));
    expect(cursor.k).toEqual([expect.stringMatching(/Z$/), second.entry_id]);
  });

  test("an order's history is numbered per order: other tenants' orders do not move it", async () => {
    const order = (key: string) => ({
      companyId: bed.world.companyId,
      buyerId: bed.world.buyerId,
      currency: 'EUR',
      lines: [{ variantId: bed.world.variantId, quantity: 1 }],
      idempotencyKey: key,
    });
    const a1 = await bed.asTenant((c) => placeOrder(c, order('n-1')));
    for (let i = 0; i < 3; i++)
      await withTenant(bed.pool, { tenantId: beta.tenantId }, (c) =>
        placeOrder(c, {
          companyId: beta.companyId,
          buyerId: beta.buyerId,
          currency: 'EUR',
          lines: [{ variantId: beta.variantId, quantity: 1 }],
          idempotencyKey: `beta-${i}`,
        }),
      );
    const a2 = await bed.asTenant((c) => placeOrder(c, order('n-2')));
    for (const placed of [a1, a2]) {
      const history = await bed.asTenant((c) => getOrderHistory(c, placed.order_id));
      expect(history.map((h) => [h.from_state, h.to_state])).toEqual([
        [null, 'draft'],
        ['draft', 'placed'],
      ]);
    }
    const numbers = await bed.admin.query(
      `select transition_number, transition_id::text as id from orders.order_state_history
       where order_id = $1 order by transition_number`,
      [a2.order_id],
    );
    expect(numbers.rows.map((r) => r.transition_number)).toEqual([1, 2]);
    for (const row of numbers.rows) expect(row.id).toMatch(UUID_V4);
  });
});
