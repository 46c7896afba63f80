// An import that spells an existing buyer's email differently (NFD, capitals, a trailing NBSP) updates
// that buyer instead of adding a second one or failing; a buyer created with such an email is
// `buyer_email_taken`; and an oversized email is its own typed error, never a driver error.
import { ConflictError, createPool, ValidationError, withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createBuyer, createBuyerRole, createCompany, listBuyersOfCompany, upsertBuyers } from './public';

let db: TestDatabase;
let pool: pg.Pool;
let tenantId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  tenantId = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
  await admin.end();
  pool = createPool({ connectionString: db.appUrl, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

const nfc = 'einkäufe.prüfung@example.com'.normalize('NFC');
const nfd = nfc.normalize('NFD');

test('the issue example: the NFC and NFD spellings of one email are one buyer of the company', async () => {
  const { companyId, roleId } = await withTenant(pool, { tenantId }, async (c) => {
    const company = await createCompany(c, {
      legalName: 'Acme',
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
    });
    const role = await createBuyerRole(c, { name: 'Purchaser' });
    return { companyId: company.company_id, roleId: role.buyer_role_id };
  });
  const row = (email: string, fullName: string) => ({
    companyId,
    buyerRoleId: roleId,
    email,
    fullName,
    phone: null,
    status: 'active',
    spendingLimit: null,
    spendingPeriod: null,
  });
  await withTenant(pool, { tenantId }, (c) =>
    createBuyer(c, { companyId, buyerRoleId: roleId, email: nfc, fullName: 'Nina' }),
  );

  const again = await withTenant(pool, { tenantId }, (c) =>
    createBuyer(c, { companyId, buyerRoleId: roleId, email: nfd, fullName: 'Nina again' }),
  ).catch((e: unknown) => e);
  expect(again).toBeInstanceOf(ConflictError);
  expect(again).toMatchObject({ code: 'buyer_email_taken' });

  const upserted = await withTenant(pool, { tenantId }, (c) =>
    upsertBuyers(c, [row(`${nfd.toUpperCase()}\u00a0`, 'Nina Imported')]),
  );
  expect(upserted).toEqual([expect.objectContaining({ email: nfc, inserted: false })]);

  const buyers = await withTenant(pool, { tenantId }, (c) => listBuyersOfCompany(c, companyId));
  expect(buyers.items.map((b) => [b.email, b.full_name])).toEqual([[nfc, 'Nina Imported']]);

  const tooLong = await withTenant(pool, { tenantId }, (c) =>
    createBuyer(c, {
      companyId,
      buyerRoleId: roleId,
      email: `${'a'.repeat(100_000)}@example.com`,
      fullName: 'X',
    }),
  ).catch((e: unknown) => e);
  expect(tooLong).toBeInstanceOf(ValidationError);
  expect(tooLong).toMatchObject({ code: 'buyer_email_too_long', sqlstate: '23514' });
});
