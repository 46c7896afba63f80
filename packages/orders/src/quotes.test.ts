// Quotes through @b2b/orders as the application role.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  acceptQuote,
  declineQuote,
  getOrderLines,
  getQuoteLines,
  QuoteExpiredError,
  requestQuote,
  stageQuote,
  TransitionNotAllowedError,
  withdrawQuote,
} from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders quotes', () => {
  let bed: OrdersTestBed;
  const request = () =>
    bed.asTenant((c) =>
      requestQuote(c, {
        companyId: bed.world.companyId,
        buyerId: bed.world.buyerId,
        currency: 'EUR',
        lines: [{ variantId: bed.world.variantId, quantity: 20 }],
        note: 'volume price?',
      }),
    );

  beforeAll(async () => {
    bed = await openTestBed({ stock: 100 });
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('a staged quote is accepted as an order at the quoted price; declined and withdrawn ones are closed', async () => {
    const quote = await request();
    expect(quote.state).toBe('requested');
    const staged = await bed.asTenant((c) =>
      stageQuote(c, {
        quoteId: quote.quote_id,
        prices: [{ variantId: bed.world.variantId, unitPrice: '7.25' }],
        validUntil: new Date(Date.now() + 86_400_000),
      }),
    );
    expect(staged.state).toBe('quoted');
    expect(await bed.asTenant((c) => getQuoteLines(c, quote.quote_id))).toMatchObject([
      { unit_price: '7.25' },
    ]);

    const order = await bed.asTenant((c) =>
      acceptQuote(c, { quoteId: quote.quote_id, buyerId: bed.world.buyerId }),
    );
    expect(order).toMatchObject({ state: 'placed', total_amount: '145.00' });
    expect(await bed.asTenant((c) => getOrderLines(c, order.order_id))).toMatchObject([
      { unit_price: '7.25', priced_from: 'quote' },
    ]);

    const other = await request();
    await bed.asTenant((c) =>
      stageQuote(c, {
        quoteId: other.quote_id,
        prices: [{ variantId: bed.world.variantId, unitPrice: '7' }],
        validUntil: new Date(Date.now() + 86_400_000),
      }),
    );
    expect(
      (await bed.asTenant((c) => declineQuote(c, { quoteId: other.quote_id, buyerId: bed.world.buyerId })))
        .state,
    ).toBe('declined');
    const withdrawn = await request();
    expect((await bed.asTenant((c) => withdrawQuote(c, withdrawn.quote_id))).state).toBe('withdrawn');
    await expect(bed.asTenant((c) => withdrawQuote(c, withdrawn.quote_id))).rejects.toBeInstanceOf(
      TransitionNotAllowedError,
    );
  }, 60_000);

  test('an expired quote cannot be accepted (typed error)', async () => {
    const quote = await request();
    await bed.asTenant((c) =>
      stageQuote(c, {
        quoteId: quote.quote_id,
        prices: [{ variantId: bed.world.variantId, unitPrice: '7' }],
        validUntil: new Date(Date.now() + 86_400_000),
      }),
    );
    // let the validity lapse (as the owner would not: the test moves the date into the past directly)
    await bed.admin.query(
      `update orders.quotes set valid_until = now() - interval '1 day', quoted_at = now() - interval '2 days' where quote_id = $1`,
      [quote.quote_id],
    );
    const late = bed.asTenant((c) => acceptQuote(c, { quoteId: quote.quote_id, buyerId: bed.world.buyerId }));
    await expect(late).rejects.toBeInstanceOf(QuoteExpiredError);
    await expect(late).rejects.toMatchObject({ code: 'quote_expired' });
  }, 60_000);
});
