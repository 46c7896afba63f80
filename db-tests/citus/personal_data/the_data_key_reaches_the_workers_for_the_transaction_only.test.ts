// Issue 11 on Citus: the encrypted columns live in distributed tables, so the data key must reach the worker
// that holds the tenant's shard (the sealing trigger and app.decrypt_personal run there). withTenant({ dataKey })
// supplies it with app.set_data_key (SET LOCAL, replayed on every worker connection of the transaction, like
// app.set_tenant); set_config(..., true) would stay on the coordinator. Erasure (a distributed function with
// dynamic statements) runs on the worker too.

import { createPool, DataKeyError, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant, TEST_DATA_KEY } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createBuyer,
  createBuyerRole,
  createCompany,
  eraseBuyer,
  getCompany,
  listBuyersOfCompany,
  updateBuyer,
  updateCompany,
  upsertBuyers,
  upsertCompanies,
} from '../../../packages/accounts/src/public';

describe('encrypted personal data on Citus', () => {
  const db = citusTestDatabase();
  let tenantId: string;
  let pool: pg.Pool;
  let companyId: string;

  beforeAll(async () => {
    ({ tenantId } = await freshTenant('data-key'));
    pool = createPool({ connectionString: db.appUrl, max: 1 });
    const company = await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) =>
      createCompany(c, {
        legalName: 'Acme',
        taxId: 'de 123 456 789',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
      }),
    );
    companyId = company.company_id;
  });
  afterAll(async () => {
    await pool?.end();
  });

  test('sealed on the worker: stored as ciphertext, canonical, with its hint; read back with the key', async () => {
    const read = await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) =>
      getCompany(c, companyId),
    );
    expect(read.tax_id).toBe('DE123456789');
    const stored = await withClient(db.adminUrl, (c) =>
      c.query(
        `select tax_id_hint, position(convert_to('123456789', 'UTF8') in tax_id) as at
         from accounts.companies where tenant_id = $1 and company_id = $2`,
        [tenantId, companyId],
      ),
    );
    expect(stored.rows[0]).toEqual({ tax_id_hint: '••••••••789', at: 0 });
  });

  test('without the key, or with a wrong one: DataKeyError from the worker', async () => {
    const missing = await withTenant(pool, { tenantId }, (c) => getCompany(c, companyId)).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(DataKeyError);
    expect(missing).toMatchObject({ sqlstate: 'B4101' });
    const wrong = await withTenant(pool, { tenantId, dataKey: 'v'.repeat(64) }, (c) =>
      getCompany(c, companyId),
    ).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ sqlstate: 'B4102' });
  });

  test('control: the key set with set_config(..., true) stays on the coordinator, and the worker has none', async () => {
    const error = await withTenant(pool, { tenantId }, async (c) => {
      await c.query(`select set_config('app.data_key', $1, true)`, [TEST_DATA_KEY]);
      return getCompany(c, companyId);
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ sqlstate: 'B4101' });
  });

  test('the key ends with the transaction on the worker connection Citus keeps', async () => {
    await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) => getCompany(c, companyId));
    const after = await withTenant(pool, { tenantId }, (c) => getCompany(c, companyId)).catch(
      (e: unknown) => e,
    );
    expect(after).toMatchObject({ sqlstate: 'B4101' });
  });

  test('every write form takes its value sealed (Citus refuses pgcrypto in a write): update, upsert, unchanged kept', async () => {
    const sealedOf = async (table: string, column: string, key: string, id: string) =>
      withClient(db.adminUrl, async (c) => {
        const { rows } = await c.query(
          `select ${column} as v from accounts.${table} where tenant_id = $1 and ${key} = $2`,
          [tenantId, id],
        );
        return rows[0].v as Buffer;
      });
    const updated = await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) =>
      updateCompany(c, companyId, { taxId: 'de 999 888 777' }),
    );
    expect(updated.tax_id).toBe('DE999888777');
    const upsertedId = '00000000-0000-4000-8000-00000000c1c1';
    const row = {
      companyId: upsertedId,
      parentCompanyId: null,
      legalName: 'Upserted',
      taxId: 'FR111222333',
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      paymentTermsDays: 30,
      creditLimit: null,
      status: 'active',
    };
    await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) => upsertCompanies(c, [row]));
    const before = await sealedOf('companies', 'tax_id', 'company_id', upsertedId);
    await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) =>
      upsertCompanies(c, [{ ...row, legalName: 'Upserted again' }]),
    );
    expect((await sealedOf('companies', 'tax_id', 'company_id', upsertedId)).equals(before)).toBe(true);
    const buyers = await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, async (c) => {
      const role = await createBuyerRole(c, { name: 'Upserters', permissions: [] });
      const one = {
        companyId,
        buyerRoleId: role.buyer_role_id,
        email: 'up@acme.example',
        fullName: 'Up',
        status: 'active',
      };
      const [first] = await upsertBuyers(c, [
        { ...one, phone: '+4930111000', spendingLimit: null, spendingPeriod: null },
      ]);
      const changed = await updateBuyer(c, first?.buyer_id as string, { phone: '+4930222000' });
      return { first, changed };
    });
    expect(buyers.changed.phone).toBe('+4930222000');
    const phone = await sealedOf('buyers', 'phone', 'buyer_id', buyers.first?.buyer_id as string);
    await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) =>
      updateBuyer(c, buyers.first?.buyer_id as string, { phone: '+4930222000' }),
    );
    expect(
      (await sealedOf('buyers', 'phone', 'buyer_id', buyers.first?.buyer_id as string)).equals(phone),
    ).toBe(true);
  });

  test('eraseBuyer pseudonymizes a buyer on the worker (a distributed function), no key needed', async () => {
    const buyer = await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, async (c) => {
      const role = await createBuyerRole(c, { name: 'Purchaser', permissions: [] });
      return createBuyer(c, {
        companyId,
        buyerRoleId: role.buyer_role_id,
        email: 'pat@acme.example',
        fullName: 'Pat',
        phone: '+4930555666',
      });
    });
    expect(buyer.phone).toBe('+4930555666');
    const erased = await withTenant(pool, { tenantId }, (c) => eraseBuyer(c, buyer.buyer_id));
    expect(erased).toMatchObject({ 'accounts.buyers': 1 });
    // the trail too: the buyer's insert and the erasing update, rewritten on the worker
    expect(erased['audit.events']).toBeGreaterThanOrEqual(2);
    const left = await withClient(db.adminUrl, (c) =>
      c.query(
        `select count(*)::int as n from audit.events where tenant_id = $1 and (new_values::text like '%pat@acme%'
           or old_values::text like '%pat@acme%')`,
        [tenantId],
      ),
    );
    expect(left.rows[0].n).toBe(0);
    // the key for the other buyers' phones; the erased one has none left to open
    const listed = await withTenant(pool, { tenantId, dataKey: TEST_DATA_KEY }, (c) =>
      listBuyersOfCompany(c, companyId),
    );
    expect(listed.items.find((b) => b.buyer_id === buyer.buyer_id)).toMatchObject({
      email: `erased-${buyer.buyer_id}@erased.invalid`,
      full_name: 'Erased buyer',
      phone: null,
      status: 'disabled',
    });
  });
});
