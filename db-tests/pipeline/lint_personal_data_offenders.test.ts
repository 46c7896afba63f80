// The personal-data lint covers columns added later: a column named like a person's data without a
// decision in app.personal_data_columns fails it, named; so does a decision whose column is gone.
import { join } from 'node:path';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';

const LINT_FILE = join(import.meta.dirname, '..', 'lint', 'personal_data_is_decided.test.sql');

test('an undecided personal-looking column, and a decision for a column that is gone, fail the lint, named', async () => {
  const db = await createTestDatabase();
  try {
    const clean = await runPgTapFile(db.adminUrl, LINT_FILE);
    expect(clean.failure).toBeUndefined();

    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    await client.query(`set role b2b_owner;
      create table tenancy.rogue_contacts (tenant_id uuid not null, contact_id uuid not null,
        contact_email text, date_of_birth date, iban text, contact_count integer,
        constraint pk_rogue_contacts primary key (tenant_id, contact_id));
      comment on table tenancy.rogue_contacts is 'added by a test';
      alter table accounts.buyers rename column phone to mobile_phone;`);
    await client.end();
    const result = await runPgTapFile(db.adminUrl, LINT_FILE);
    expect(result.failure).toContain('tenancy.rogue_contacts.contact_email: named like personal data');
    expect(result.failure).toContain('tenancy.rogue_contacts.date_of_birth: named like personal data');
    expect(result.failure).toContain('tenancy.rogue_contacts.iban: named like personal data');
    expect(result.failure).toContain('accounts.buyers.mobile_phone: named like personal data');
    expect(result.failure).toContain(
      'accounts.buyers.phone: listed in app.personal_data_columns, but there is no such column',
    );
    expect(result.failure).not.toContain('contact_count');
  } finally {
    await db.drop();
  }
});

test('an incomplete decision fails the lint, named', async () => {
  const db = await createTestDatabase();
  try {
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    // the view is replaced by one whose first row lost its legal basis and whose second row its reason
    const { rows } = await client.query(
      `select pg_get_viewdef('app.personal_data_columns'::regclass) as def`,
    );
    const broken = (rows[0].def as string)
      .replace("'contract (Art. 6(1)(b))'", 'null')
      .replace("'the name of a role (purchaser, manager), not of a person'", 'null');
    await client.query(`set role b2b_owner; create or replace view app.personal_data_columns as ${broken}`);
    await client.end();
    const result = await runPgTapFile(db.adminUrl, LINT_FILE);
    expect(result.failure).toContain(
      'accounts.buyers.email: personal data needs a category, a legal basis and a retention',
    );
    expect(result.failure).toContain(
      'accounts.buyer_roles.name: a column named like personal data that holds none',
    );
  } finally {
    await db.drop();
  }
});
