// Invoices, payments and the credit limit through @b2b/orders as the application role.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CreditLimitExceededError,
  fulfilOrder,
  getOpenBalance,
  getOrderInvoices,
  listReceivableEntries,
  placeOrder,
  recordPayment,
} from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders receivables', () => {
  let bed: OrdersTestBed;
  const order = (key: string, quantity: number) => ({
    companyId: bed.world.companyId,
    buyerId: bed.world.buyerId,
    currency: 'EUR',
    lines: [{ variantId: bed.world.variantId, quantity }],
    idempotencyKey: key,
  });

  beforeAll(async () => {
    bed = await openTestBed({ stock: 100 });
    await bed.admin.query(
      'update accounts.companies set credit_limit = 100, payment_terms_days = 14 where company_id = $1',
      [bed.world.companyId],
    );
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('fulfilment invoices, payments free credit, and the credit limit refuses with a typed error', async () => {
    const placed = await bed.asTenant((c) => placeOrder(c, order('r-1', 8)));
    await bed.asTenant((c) => fulfilOrder(c, placed.order_id));
    const [invoice] = await bed.asTenant((c) => getOrderInvoices(c, placed.order_id));
    expect(invoice).toMatchObject({ amount: '80.00', currency: 'EUR' });
    expect((invoice?.due_at.getTime() ?? 0) - (invoice?.issued_at.getTime() ?? 0)).toBe(14 * 86_400_000);
    expect(await bed.asTenant((c) => getOpenBalance(c, bed.world.companyId))).toBe('80.00');

    const refused = bed.asTenant((c) => placeOrder(c, order('r-2', 3)));
    await expect(refused).rejects.toBeInstanceOf(CreditLimitExceededError);
    await expect(refused).rejects.toMatchObject({ code: 'credit_limit_exceeded', sqlstate: 'B3103' });

    const payment = await bed.asTenant((c) =>
      recordPayment(c, {
        companyId: bed.world.companyId,
        amount: '80.00',
        currency: 'EUR',
        reference: 'SEPA-77',
      }),
    );
    expect(payment).toMatchObject({ kind: 'payment', amount: '80.00' });
    expect(await bed.asTenant((c) => getOpenBalance(c, bed.world.companyId))).toBe('0.00');
    expect((await bed.asTenant((c) => placeOrder(c, order('r-3', 3)))).state).toBe('placed');

    const ledger = await bed.asTenant((c) => listReceivableEntries(c, { companyId: bed.world.companyId }));
    expect(ledger.items.map((e) => e.kind)).toEqual(['payment', 'invoice']);
  }, 60_000);
});
