// Encrypted personal data through @b2b/accounts, as the application role over withTenant({ dataKey }):
// stored as ciphertext, read back with the key, DataKeyError without it or with a wrong one; the key is in
// no statistics even when pg_stat_statements tracks everything; erasure through eraseBuyer.
import { createPool, DataKeyError, NotFoundError, withTenant } from '@b2b/db';
import { createTestDatabase, TEST_DATA_KEY, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createBuyer,
  createBuyerRole,
  createCompany,
  eraseBuyer,
  getCompany,
  listBuyersOfCompany,
  upsertBuyers,
  upsertCompanies,
} from './public';

describe('@b2b/accounts personal data', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let admin: pg.Client;
  let alpha: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    alpha = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    // What a DBA might switch on: every statement, nested ones included, utility ones included. The role
    // settings of sql/bootstrap/cluster/0003_data_key_logging.sql must still keep the key out.
    await admin.query(`alter database ${pg.escapeIdentifier(db.name)} set pg_stat_statements.track = 'all'`);
    pool = createPool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await admin.end();
    await db.drop();
  });

  // null: no data key at all
  const withKey = <T>(fn: Parameters<typeof withTenant<T>>[2], dataKey: string | null = TEST_DATA_KEY) =>
    withTenant(pool, { tenantId: alpha, dataKey: dataKey ?? undefined }, fn);

  test('a tax id is stored encrypted and read back with the key', async () => {
    const acme = await withKey((c) =>
      createCompany(c, {
        legalName: 'Acme',
        taxId: 'de 111.222.333',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
      }),
    );
    expect(acme.tax_id).toBe('DE111222333');
    expect((await withKey((c) => getCompany(c, acme.company_id))).tax_id).toBe('DE111222333');
    const stored = await admin.query(
      `select tax_id, tax_id_hint, position(convert_to('DE111222333', 'UTF8') in tax_id) as at
       from accounts.companies where company_id = $1`,
      [acme.company_id],
    );
    expect(stored.rows[0].tax_id).toBeInstanceOf(Buffer);
    expect(stored.rows[0].tax_id.toString('latin1')).not.toContain('111222333');
    expect(stored.rows[0].at).toBe(0);
    expect(stored.rows[0].tax_id_hint).toBe('••••••••333');
  });

  test('without the key: DataKeyError data_key_missing; with a wrong key: data_key_wrong, before anything runs', async () => {
    const acme = await withKey((c) =>
      createCompany(c, {
        legalName: 'Keyless',
        taxId: 'DE444555666',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
      }),
    );
    const missing = await withKey((c) => getCompany(c, acme.company_id), null).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DataKeyError);
    expect(missing).toMatchObject({ code: 'data_key_missing', sqlstate: 'B4101' });
    const wrong = await withKey((c) => getCompany(c, acme.company_id), 'w'.repeat(64)).catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(DataKeyError);
    expect(wrong).toMatchObject({ code: 'data_key_wrong', sqlstate: 'B4102' });
    const malformed = await withKey((c) => getCompany(c, acme.company_id), 'short').catch((e: unknown) => e);
    expect(malformed).toMatchObject({ code: 'data_key_invalid', sqlstate: 'B4103' });
  });

  test('upserts encrypt too, and an unchanged tax id keeps its ciphertext', async () => {
    const companyId = '00000000-0000-4000-8000-0000000000c1';
    const row = {
      companyId,
      parentCompanyId: null,
      legalName: 'Upserted',
      taxId: 'FR777888999',
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      paymentTermsDays: 45,
      creditLimit: null,
      status: 'active',
    };
    await withKey((c) => upsertCompanies(c, [row]));
    const before = await admin.query('select tax_id from accounts.companies where company_id = $1', [
      companyId,
    ]);
    await withKey((c) => upsertCompanies(c, [{ ...row, legalName: 'Upserted again' }]));
    const after = await admin.query('select tax_id from accounts.companies where company_id = $1', [
      companyId,
    ]);
    expect(after.rows[0].tax_id.equals(before.rows[0].tax_id)).toBe(true);
    const read = await withKey((c) => getCompany(c, companyId));
    expect(read).toMatchObject({
      tax_id: 'FR777888999',
      payment_terms_days: 45,
      legal_name: 'Upserted again',
    });
  });

  test('a phone number round-trips; eraseBuyer pseudonymizes the buyer, NotFoundError for an unknown one', async () => {
    const { company, buyer } = await withKey(async (c) => {
      const company = await createCompany(c, {
        legalName: 'Phones',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
      });
      const role = await createBuyerRole(c, { name: 'Phone people', permissions: [] });
      const buyer = await createBuyer(c, {
        companyId: company.company_id,
        buyerRoleId: role.buyer_role_id,
        email: 'pat@phones.example',
        fullName: 'Pat Phone',
        phone: '+4930555666',
      });
      await upsertBuyers(c, [
        {
          companyId: company.company_id,
          buyerRoleId: role.buyer_role_id,
          email: 'quinn@phones.example',
          fullName: 'Quinn',
          phone: '+4930777888',
          status: 'active',
          spendingLimit: null,
          spendingPeriod: null,
        },
      ]);
      return { company, buyer };
    });
    expect(buyer.phone).toBe('+4930555666');
    const listed = await withKey((c) => listBuyersOfCompany(c, company.company_id));
    expect(listed.items.map((b) => b.phone)).toEqual(['+4930555666', '+4930777888']);
    expect(await withKey((c) => eraseBuyer(c, buyer.buyer_id), null)).toMatchObject({ 'accounts.buyers': 1 });
    const after = await withKey((c) => listBuyersOfCompany(c, company.company_id));
    expect(after.items.find((b) => b.buyer_id === buyer.buyer_id)).toMatchObject({
      email: `erased-${buyer.buyer_id}@erased.invalid`,
      full_name: 'Erased buyer',
      phone: null,
      status: 'disabled',
    });
    const unknown = await withKey((c) => eraseBuyer(c, '00000000-0000-4000-8000-00000000dead')).catch(
      (e: unknown) => e,
    );
    expect(unknown).toBeInstanceOf(NotFoundError);
  });

  test('the key is in no pg_stat_statements entry, though statements (nested and utility) are tracked', async () => {
    // pg_stat_statements is the cluster's, shared by every test database of the run, and evicts its least
    // used entries past pg_stat_statements.max: so write a tax id with the key just before reading it, and
    // read this database's entries only
    await withKey((c) =>
      createCompany(c, {
        legalName: 'Stats',
        taxId: 'DE555444333',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
      }),
    );
    // the application role's entries: what it sent, and what ran inside its calls (track = all)
    const { rows } = await admin.query<{ query: string }>(
      `select query from public.pg_stat_statements
        where userid = 'b2b_app'::regrole
          and dbid = (select oid from pg_database where datname = current_database())`,
    );
    expect(rows.some((r) => r.query.includes('app.set_data_key($1)'))).toBe(true);
    expect(rows.some((r) => r.query.includes('app.encrypt_personal'))).toBe(true);
    expect(rows.filter((r) => r.query.includes(TEST_DATA_KEY)).map((r) => r.query)).toEqual([]);
    expect(rows.filter((r) => r.query.includes('w'.repeat(64))).map((r) => r.query)).toEqual([]);
  });
});
