// Credit and spending limits through @b2b/accounts: decimal strings in the company's currency's minor
// units (README "Money"); anything else is a typed error, never rounded.
import { createPool, ValidationError, withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBuyer, createBuyerRole, createCompany, updateCompany, upsertCompanies } from './index';

describe('@b2b/accounts money', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let alpha: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    alpha = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    await admin.end();
    pool = createPool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const asAlpha = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(pool, { tenantId: alpha }, fn);
  const company = (legalName: string, defaultCurrency: string, creditLimit: unknown) => ({
    legalName,
    defaultCurrency,
    defaultLocale: 'en',
    creditLimit: creditLimit as string,
  });

  test.each([
    ['100.005', 'EUR', 'amount_invalid'],
    ['0.5', 'JPY', 'amount_invalid'],
    ['100.0005', 'KWD', 'amount_invalid'],
    ['1000000000000000', 'EUR', 'amount_invalid'],
    ['-1', 'EUR', 'credit_limit_negative'],
  ])('a credit limit of %s %s is refused with ValidationError %s', async (limit, currency, code) => {
    const refused = asAlpha((c) => createCompany(c, company(`Co ${limit} ${currency}`, currency, limit)));
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ code });
  });

  test.each([
    ['a JavaScript number', 0.1 + 0.2],
    ['exponent notation', '1e3'],
    ['NaN', 'NaN'],
  ])('a credit limit given as %s is refused before the database', async (_, limit) => {
    await expect(asAlpha((c) => createCompany(c, company('Number', 'EUR', limit)))).rejects.toMatchObject({
      code: 'amount_not_decimal_string',
    });
    await expect(
      asAlpha((c) =>
        upsertCompanies(c, [
          {
            companyId: '00000000-0000-4000-8000-000000000001',
            parentCompanyId: null,
            legalName: 'Bulk',
            taxId: null,
            defaultCurrency: 'EUR',
            defaultLocale: 'en',
            paymentTermsDays: 30,
            creditLimit: limit as string,
            status: 'active',
          },
        ]),
      ),
    ).rejects.toMatchObject({ code: 'amount_not_decimal_string' });
  });

  test('limits in the minor units are kept at the currency scale; a buyer limit finer than it is refused', async () => {
    const kwd = await asAlpha((c) => createCompany(c, company('Kuwait Trading', 'KWD', '1000.125')));
    expect(kwd.credit_limit).toBe('1000.125');
    const raised = await asAlpha((c) => updateCompany(c, kwd.company_id, { creditLimit: '2000.250' }));
    expect(raised.credit_limit).toBe('2000.250');
    const role = await asAlpha((c) =>
      createBuyerRole(c, { name: 'purchaser', permissions: ['orders.create'] }),
    );
    const buyer = (spendingLimit: string, email: string) =>
      asAlpha((c) =>
        createBuyer(c, {
          companyId: kwd.company_id,
          buyerRoleId: role.buyer_role_id,
          email,
          fullName: 'Buyer',
          spendingLimit,
          spendingPeriod: 'month',
        }),
      );
    await expect(buyer('10.0005', 'a@example.com')).rejects.toMatchObject({ code: 'amount_invalid' });
    await expect(buyer('10.005', 'b@example.com')).resolves.toMatchObject({ spending_limit: '10.005' });
  });
});
