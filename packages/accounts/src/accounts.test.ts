// @b2b/accounts through withTenant as the application role: what apps do, and every typed error.
import {
  BATCH_ROWS,
  ConflictError,
  createPool,
  ForeignKeyError,
  PermissionError,
  ValidationError,
  withTenant,
} from '@b2b/db';
import { createTestDatabase, TEST_DATA_KEY, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertBuyerActsForCompany,
  BuyerNotInCompanyError,
  createBuyer,
  createBuyerRole,
  createCompany,
  getCompany,
  listBuyersOfCompany,
  listCompanies,
  NotFoundError,
  setParentCompany,
  updateBuyer,
  updateCompany,
  upsertBuyers,
  upsertCompanies,
} from './index';

describe('@b2b/accounts', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let alpha: string;
  let beta: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    alpha = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    beta = (await admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    await admin.end();
    pool = createPool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  // with the data key: tax ids and phone numbers are encrypted (docs/data-protection.md)
  const asAlpha = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(pool, { tenantId: alpha, dataKey: TEST_DATA_KEY }, fn);
  const company = (legalName: string, parentCompanyId?: string) => ({
    legalName,
    parentCompanyId: parentCompanyId ?? null,
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
  });

  test('creates, reads, updates and pages through companies by legal name', async () => {
    const acme = await asAlpha((c) => createCompany(c, { ...company('Acme'), taxId: 'DE123456789' }));
    expect(acme).toMatchObject({ legal_name: 'Acme', payment_terms_days: 30, status: 'active' });
    await asAlpha((c) => createCompany(c, company('Bolt', acme.company_id)));
    await asAlpha((c) => createCompany(c, company('Crane')));
    const updated = await asAlpha((c) =>
      updateCompany(c, acme.company_id, { creditLimit: '5000.50', status: 'on_hold' }),
    );
    expect(updated).toMatchObject({ credit_limit: '5000.50', status: 'on_hold', tax_id: 'DE123456789' });
    const first = await asAlpha((c) => listCompanies(c, { limit: 2 }));
    expect(first.items.map((x) => x.legal_name)).toEqual(['Acme', 'Bolt']);
    const next = await asAlpha((c) => listCompanies(c, { after: first.next }));
    expect(next.items.map((x) => x.legal_name)).toEqual(['Crane']);
    expect(next.next).toBeUndefined();
    expect(await withTenant(pool, { tenantId: beta }, (c) => listCompanies(c))).toEqual({ items: [] });
  });

  test('an unknown currency is a ForeignKeyError currency_unknown', async () => {
    const error = await asAlpha((c) =>
      createCompany(c, { ...company('Dyno'), defaultCurrency: 'XYZ' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyError);
    expect(error).toMatchObject({ code: 'currency_unknown' });
  });

  test('a cycle in the company tree is a ValidationError company_hierarchy_cycle', async () => {
    const top = await asAlpha((c) => createCompany(c, company('Top')));
    const mid = await asAlpha((c) => createCompany(c, company('Mid', top.company_id)));
    const low = await asAlpha((c) => createCompany(c, company('Low', mid.company_id)));
    const error = await asAlpha((c) => setParentCompany(c, top.company_id, low.company_id)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'company_hierarchy_cycle', sqlstate: 'B2101' });
    const own = await asAlpha((c) => setParentCompany(c, top.company_id, top.company_id)).catch(
      (e: unknown) => e,
    );
    expect(own).toMatchObject({ code: 'company_own_parent' });
    // moving to the top level is allowed
    expect((await asAlpha((c) => setParentCompany(c, low.company_id, null))).parent_company_id).toBeNull();
  });

  test('a duplicate tax id is a ConflictError company_tax_id_taken', async () => {
    const error = await asAlpha((c) => createCompany(c, { ...company('Copy'), taxId: 'DE123456789' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'company_tax_id_taken' });
  });

  test('bulk upserts companies in one statement: inserts, then updates', async () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const rows = (suffix: string) => [
      {
        companyId: ids[0] as string,
        parentCompanyId: null,
        legalName: `Bulk One${suffix}`,
        taxId: null,
        defaultCurrency: 'EUR',
        defaultLocale: 'de',
        paymentTermsDays: 14,
        creditLimit: null,
        status: 'active',
      },
      {
        companyId: ids[1] as string,
        parentCompanyId: ids[0] as string,
        legalName: `Bulk Two${suffix}`,
        taxId: null,
        defaultCurrency: 'CHF',
        defaultLocale: 'de-CH',
        paymentTermsDays: 30,
        creditLimit: '100',
        status: 'active',
      },
    ];
    const inserted = await asAlpha((c) => upsertCompanies(c, rows('')));
    expect(inserted.map((r) => r.inserted)).toEqual([true, true]);
    const updated = await asAlpha((c) => upsertCompanies(c, rows(' GmbH')));
    expect(updated.map((r) => r.inserted)).toEqual([false, false]);
    expect((await asAlpha((c) => getCompany(c, ids[1] as string))).legal_name).toBe('Bulk Two GmbH');
    const dup = await asAlpha((c) => upsertCompanies(c, [...rows(''), ...rows('')])).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect(dup).toMatchObject({ code: 'batch_duplicate_key' });
    const badCurrency = await asAlpha((c) =>
      upsertCompanies(c, [{ ...(rows('')[0] as ReturnType<typeof rows>[number]), defaultCurrency: 'QQQ' }]),
    ).catch((e: unknown) => e);
    expect(badCurrency).toMatchObject({ code: 'currency_unknown' });
  });

  test('buyers: roles, creation, paging, bulk upsert and their errors', async () => {
    const acme = (await asAlpha((c) => listCompanies(c, { limit: 1 }))).items[0];
    const companyId = acme?.company_id as string;
    const role = await asAlpha((c) =>
      createBuyerRole(c, { name: 'Purchaser', permissions: ['orders.create', 'invoices.view'] }),
    );
    const ann = await asAlpha((c) =>
      createBuyer(c, {
        companyId,
        buyerRoleId: role.buyer_role_id,
        email: 'ann@acme.example',
        fullName: 'Ann',
        spendingLimit: '1000',
        spendingPeriod: 'month',
      }),
    );
    expect(ann).toMatchObject({ status: 'active', spending_limit: '1000', spending_period: 'month' });
    const taken = await asAlpha((c) =>
      createBuyer(c, {
        companyId,
        buyerRoleId: role.buyer_role_id,
        email: 'ann@acme.example',
        fullName: 'A',
      }),
    ).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ConflictError);
    expect(taken).toMatchObject({ code: 'buyer_email_taken' });
    const noRole = await asAlpha((c) =>
      createBuyerRole(c, { name: 'Ghost', permissions: ['orders.teleport'] }),
    ).catch((e: unknown) => e);
    expect(noRole).toBeInstanceOf(ForeignKeyError);
    expect(noRole).toMatchObject({ code: 'permission_unknown' });

    const upserted = await asAlpha((c) =>
      upsertBuyers(c, [
        {
          companyId,
          buyerRoleId: role.buyer_role_id,
          email: 'ann@acme.example',
          fullName: 'Ann Smith',
          phone: '+4930123456',
          status: 'active',
          spendingLimit: null,
          spendingPeriod: null,
        },
        {
          companyId,
          buyerRoleId: role.buyer_role_id,
          email: 'bob@acme.example',
          fullName: 'Bob',
          phone: null,
          status: 'active',
          spendingLimit: null,
          spendingPeriod: null,
        },
      ]),
    );
    expect(upserted.map((r) => [r.email, r.inserted])).toEqual([
      ['ann@acme.example', false],
      ['bob@acme.example', true],
    ]);
    expect(upserted[0]?.buyer_id).toBe(ann.buyer_id);
    const page1 = await asAlpha((c) => listBuyersOfCompany(c, companyId, { limit: 1 }));
    expect(page1.items.map((b) => [b.email, b.full_name, b.spending_limit])).toEqual([
      ['ann@acme.example', 'Ann Smith', null],
    ]);
    const page2 = await asAlpha((c) => listBuyersOfCompany(c, companyId, { after: page1.next }));
    expect(page2.items.map((b) => b.email)).toEqual(['bob@acme.example']);
  });

  test('a buyer acting for another company is a BuyerNotInCompanyError (a PermissionError)', async () => {
    const [acme, bolt] = (await asAlpha((c) => listCompanies(c, { limit: 2 }))).items;
    const [ann] = (await asAlpha((c) => listBuyersOfCompany(c, acme?.company_id as string))).items;
    const buyerId = ann?.buyer_id as string;
    const acting = await asAlpha((c) =>
      assertBuyerActsForCompany(c, { buyerId, companyId: acme?.company_id as string }),
    );
    expect(acting).toMatchObject({
      default_currency: 'EUR',
      permissions: ['invoices.view', 'orders.create'],
    });

    const error = await asAlpha((c) =>
      assertBuyerActsForCompany(c, { buyerId, companyId: bolt?.company_id as string }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuyerNotInCompanyError);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ code: 'buyer_not_in_company' });

    // another tenant cannot even see the buyer
    const other = await withTenant(pool, { tenantId: beta }, (c) =>
      assertBuyerActsForCompany(c, { buyerId, companyId: acme?.company_id as string }),
    ).catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'buyer_not_in_company' });

    await asAlpha((c) => updateBuyer(c, buyerId, { status: 'disabled' }));
    const disabled = await asAlpha((c) =>
      assertBuyerActsForCompany(c, { buyerId, companyId: acme?.company_id as string }),
    ).catch((e: unknown) => e);
    expect(disabled).toMatchObject({ code: 'buyer_disabled' });
  });

  test("another tenant's company cannot be read or updated: NotFoundError", async () => {
    const [acme] = (await asAlpha((c) => listCompanies(c, { limit: 1 }))).items;
    const id = acme?.company_id as string;
    await expect(withTenant(pool, { tenantId: beta }, (c) => getCompany(c, id))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      withTenant(pool, { tenantId: beta }, (c) => updateCompany(c, id, { legalName: 'hijacked' })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
  test('a batch larger than BATCH_ROWS runs as several statements and upserts every row', async () => {
    const rows = Array.from({ length: BATCH_ROWS + 201 }, (_, i) => ({
      companyId: crypto.randomUUID(),
      parentCompanyId: null,
      legalName: `Zulu ${String(i).padStart(5, '0')}`,
      taxId: null,
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      paymentTermsDays: 30,
      creditLimit: null,
      status: 'active',
    }));
    const result = await withTenant(pool, { tenantId: beta }, (c) => upsertCompanies(c, rows));
    expect(result).toHaveLength(rows.length);
    expect(result.every((r) => r.inserted)).toBe(true);
  });

  test('a malformed id is a ValidationError value_invalid, not a driver error', async () => {
    const error = await asAlpha((c) => getCompany(c, 'not-a-uuid')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'value_invalid', sqlstate: '22P02' });
  });
});
