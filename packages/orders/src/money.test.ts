// The money rule through @b2b/orders (README "Money"): amounts are decimal strings in the currency's minor
// units, rounded by one rule (half away from zero) only where they are computed, and refused with typed
// errors, never rounded, where they are given.
import { ValidationError } from '@b2b/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createApprovalRule,
  fulfilOrder,
  getOpenBalance,
  getOrderInvoices,
  getOrderLines,
  placeOrder,
  recordPayment,
  requestQuote,
  stageQuote,
} from './index';
import { type OrdersTestBed, openTestBed } from './test-bed';

describe('@b2b/orders money', () => {
  let bed: OrdersTestBed;
  let salesId: string;

  beforeAll(async () => {
    bed = await openTestBed({ stock: 100 });
    // the world's company orders in JPY (0 minor units) at 99.5 a unit
    await bed.admin.query(`update accounts.companies set default_currency = 'JPY' where company_id = $1`, [
      bed.world.companyId,
    ]);
    await bed.admin.query(
      `with list as (insert into catalog.price_lists (tenant_id, name, currency) values ($1, 'Base JPY', 'JPY')
         returning price_list_id)
       insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
       select $1, price_list_id, $2, 'JPY', 99.5 from list`,
      [bed.world.tenantId, bed.world.variantId],
    );
    salesId = (
      await bed.admin.query(`select tests.create_staff_user($1, 'sales@seller.example') as id`, [
        bed.world.tenantId,
      ])
    ).rows[0].id;
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('a JPY order of 99.5 x 3 totals 299 and its partial invoices add up to it (100 + 199)', async () => {
    const placed = await bed.asTenant((c) =>
      placeOrder(c, {
        companyId: bed.world.companyId,
        buyerId: bed.world.buyerId,
        currency: 'JPY',
        lines: [{ variantId: bed.world.variantId, quantity: 3 }],
        idempotencyKey: 'jpy-1',
      }),
    );
    expect(placed.total_amount).toBe('299');
    const [line] = await bed.asTenant((c) => getOrderLines(c, placed.order_id));
    expect(line).toMatchObject({ unit_price: '99.5', line_total: '299' });

    await bed.asTenant((c) =>
      fulfilOrder(c, placed.order_id, [{ variantId: bed.world.variantId, quantity: 1 }]),
    );
    await bed.asTenant((c) => fulfilOrder(c, placed.order_id));
    const invoices = await bed.asTenant((c) => getOrderInvoices(c, placed.order_id));
    expect(invoices.map((i) => i.amount).sort()).toEqual(['100', '199']);
    expect(await bed.asTenant((c) => getOpenBalance(c, bed.world.companyId))).toBe('299');
  });

  test.each([
    ['0.5', 'amount_finer_than_currency', 'B1001'],
    ['1000000000000000', 'amount_out_of_range', 'B1003'],
    ['0', 'payment_amount_invalid', 'B3105'],
    ['-0', 'payment_amount_invalid', 'B3105'],
  ])(
    'recordPayment of %s JPY is refused with ValidationError %s (SQLSTATE %s), never rounded',
    async (amount, code, sqlstate) => {
      const refused = bed.asTenant((c) =>
        recordPayment(c, { companyId: bed.world.companyId, amount, currency: 'JPY', reference: 'x' }),
      );
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({ code, sqlstate });
    },
  );

  test.each([
    ['the JavaScript number 0.1 + 0.2', 0.1 + 0.2],
    ['the JavaScript number 100', 100],
    ['exponent notation', '1e-5'],
    ['spaces', ' 1.0 '],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['an empty string', ''],
  ])('recordPayment with %s is refused before the database: amount_not_decimal_string', async (_, amount) => {
    const refused = bed.asTenant((c) =>
      recordPayment(c, {
        companyId: bed.world.companyId,
        amount: amount as string,
        currency: 'JPY',
        reference: 'x',
      }),
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ code: 'amount_not_decimal_string' });
  });

  test('a whole-yen payment is recorded at the currency scale', async () => {
    const payment = await bed.asTenant((c) =>
      recordPayment(c, { companyId: bed.world.companyId, amount: '1500', currency: 'JPY', reference: 'ok' }),
    );
    expect(payment).toMatchObject({ kind: 'payment', amount: '1500' });
  });

  test('an approval threshold finer than the currency, or not a decimal string, is a typed error', async () => {
    const rule = (minTotalAmount: string) =>
      bed.asTenant((c) =>
        createApprovalRule(c, {
          companyId: bed.world.companyId,
          name: `rule ${minTotalAmount}`,
          minTotalAmount,
          currency: 'JPY',
          tiers: [[bed.world.purchaserRoleId]],
        }),
      );
    await expect(rule('1000.5')).rejects.toMatchObject({ code: 'amount_invalid' });
    await expect(rule('1e3')).rejects.toMatchObject({ code: 'amount_not_decimal_string' });
    await expect(rule('1000')).resolves.toMatchObject({ min_total_amount: '1000' });
  });

  test('a quoted unit price may be finer than the currency (4 decimals) but not finer than that', async () => {
    const quote = await bed.asTenant((c) =>
      requestQuote(c, {
        companyId: bed.world.companyId,
        buyerId: bed.world.buyerId,
        currency: 'JPY',
        lines: [{ variantId: bed.world.variantId, quantity: 2 }],
      }),
    );
    const stage = (unitPrice: unknown) =>
      bed.asTenant(
        (c) =>
          stageQuote(c, {
            quoteId: quote.quote_id,
            prices: [{ variantId: bed.world.variantId, unitPrice: unitPrice as string }],
            validUntil: new Date(Date.now() + 86_400_000),
          }),
        salesId,
      );
    await expect(stage(0.1 + 0.2)).rejects.toMatchObject({ code: 'amount_not_decimal_string' });
    await expect(stage('12.34567')).rejects.toMatchObject({ code: 'unit_price_invalid' });
    await expect(stage('12.3456')).resolves.toMatchObject({ state: 'quoted' });
  });
});
