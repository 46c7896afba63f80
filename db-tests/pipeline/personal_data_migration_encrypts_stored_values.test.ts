// The migration that encrypts tax ids and phones (20261201200100_encrypt_tax_ids_and_phones,
// docs/data-protection.md) keeps every stored value: rolled back to plain columns and filled with plain
// values, migrated up again with the data key in the startup packet, every value decrypts to what was stored
// and has its hint (and the tax id its digest); without a key it stops with B4101 and changes nothing; and
// the down step decrypts them again.
// The values are encrypted row by row (Citus refuses a volatile function in an UPDATE of a distributed
// table), so this test also proves the loop encrypts every row, not only the first.
import { migrate, rollback, versionedFiles } from '@b2b/migrate';
import { SQL_DIR, TEST_DATA_KEY } from '@b2b/testing';
import { createTestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';

const FIRST = '20261201200100_encrypt_tax_ids_and_phones';

function withKey(url: string, key: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c app.data_key=${key}`);
  return u.toString();
}

test('stored tax ids and phones are encrypted by the migration, each decrypting to its value', async () => {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const tenant: string = (await client.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    const w = (await client.query(`select * from tests.create_order_world($1, stock => 10)`, [tenant]))
      .rows[0];
    const other: string = (await client.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    const second = (await client.query(`select * from tests.create_order_world($1, stock => 10)`, [other]))
      .rows[0];

    const count = versionedFiles(SQL_DIR).filter((f) => f.name >= FIRST).length;
    await rollback({ url: withKey(db.adminUrl, TEST_DATA_KEY), sqlDir: SQL_DIR, count });
    const type = await client.query(
      `select data_type from information_schema.columns
        where table_schema = 'accounts' and table_name = 'companies' and column_name = 'tax_id'`,
    );
    expect(type.rows[0].data_type).toBe('text');

    // plain values, as stored before the migration: two companies, two buyers, an address
    await client.query(`update accounts.companies set tax_id = 'DE123456789' where company_id = $1`, [
      w.company,
    ]);
    await client.query(`update accounts.companies set tax_id = 'FR987654321' where company_id = $1`, [
      second.company,
    ]);
    await client.query(`update accounts.buyers set phone = '+4915112345678' where buyer_id = $1`, [w.buyer]);
    await client.query(`update accounts.buyers set phone = '+33612345678' where buyer_id = $1`, [
      second.buyer,
    ]);
    await client.query(
      `insert into accounts.addresses (tenant_id, company_id, kind, recipient, line1, locality, postal_code, country_code, phone)
       values ($1, $2, 'shipping', 'Dock 4', 'Hafenstrasse 1', 'Hamburg', '20457', 'DE', '+494012345')`,
      [tenant, w.company],
    );

    // without a key: B4101, and the plain columns are still there
    await expect(migrate({ url: db.adminUrl, sqlDir: SQL_DIR })).rejects.toMatchObject({ code: 'B4101' });
    const still = await client.query(`select tax_id from accounts.companies where company_id = $1`, [
      w.company,
    ]);
    expect(still.rows[0].tax_id).toBe('DE123456789');

    await migrate({ url: withKey(db.adminUrl, TEST_DATA_KEY), sqlDir: SQL_DIR });
    await client.query('begin');
    await client.query(`select set_config('app.data_key', $1, true)`, [TEST_DATA_KEY]);
    const companies = await client.query(
      `select company_id::text as id, app.decrypt_personal(tax_id) as tax_id, tax_id_hint,
              tax_id_digest = app.personal_digest(app.decrypt_personal(tax_id)) as digest_matches
         from accounts.companies where tax_id is not null order by tax_id_hint`,
    );
    const buyers = await client.query(
      `select app.decrypt_personal(phone) as phone, phone_hint from accounts.buyers
        where phone is not null order by phone_hint`,
    );
    const addresses = await client.query(
      `select app.decrypt_personal(phone) as phone, phone_hint from accounts.addresses
        where phone is not null`,
    );
    await client.query('commit');
    expect(companies.rows.map((r) => [r.tax_id, r.tax_id_hint, r.digest_matches])).toEqual([
      ['FR987654321', '••••••••321', true],
      ['DE123456789', '••••••••789', true],
    ]);
    expect(buyers.rows.map((r) => [r.phone, r.phone_hint])).toEqual([
      ['+33612345678', '+33•••••••78'],
      ['+4915112345678', '+49•••••••••78'],
    ]);
    expect(addresses.rows.map((r) => [r.phone, r.phone_hint])).toEqual([['+494012345', '+49•••••45']]);

    // and back: the down step decrypts every value with the key
    await rollback({ url: withKey(db.adminUrl, TEST_DATA_KEY), sqlDir: SQL_DIR, count });
    const plain = await client.query(
      `select (select array_agg(tax_id order by tax_id) from accounts.companies where tax_id is not null) as tax_ids,
              (select array_agg(phone order by phone) from accounts.buyers where phone is not null) as phones`,
    );
    expect(plain.rows[0]).toEqual({
      tax_ids: ['DE123456789', 'FR987654321'],
      phones: ['+33612345678', '+4915112345678'],
    });
    await migrate({ url: withKey(db.adminUrl, TEST_DATA_KEY), sqlDir: SQL_DIR });
  } finally {
    await client.end();
    await db.drop();
  }
});
