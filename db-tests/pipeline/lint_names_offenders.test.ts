// The lint pack covers tables added later: a new tenant table without RLS fails it, named.
import { join } from 'node:path';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';

const LINT_DIR = join(import.meta.dirname, '..', 'lint');

test('a table with tenant_id and no RLS makes the lint pack fail, naming the table', async () => {
  const db = await createTestDatabase();
  try {
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    await client.query(`set role b2b_owner;
      create table tenancy.rogue_notes (tenant_id uuid not null, note_id uuid not null, body text,
        constraint pk_rogue_notes primary key (tenant_id, note_id));
      comment on table tenancy.rogue_notes is 'added by a test';`);
    await client.end();
    const result = await runPgTapFile(
      db.adminUrl,
      join(LINT_DIR, 'tenant_tables_enable_and_force_rls.test.sql'),
    );
    expect(result.failure).toContain('tenancy.rogue_notes: RLS not enabled');
  } finally {
    await db.drop();
  }
});

test('an amount column without the money rule makes the money lint fail, naming the column', async () => {
  const db = await createTestDatabase();
  try {
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    // numeric(19, 4) (rounds silently) and a plain numeric without the money check (accepts NaN)
    await client.query(`set role b2b_owner;
      create table tenancy.rogue_fees (tenant_id uuid not null, fee_id uuid not null,
        fee_amount numeric(19, 4) not null, surcharge numeric,
        constraint pk_rogue_fees primary key (tenant_id, fee_id));
      comment on table tenancy.rogue_fees is 'added by a test';`);
    await client.end();
    const result = await runPgTapFile(
      db.adminUrl,
      join(LINT_DIR, 'money_columns_follow_the_money_rule.test.sql'),
    );
    expect(result.failure).toContain('tenancy.rogue_fees.fee_amount has a typmod (numeric(19,4))');
    expect(result.failure).toContain('tenancy.rogue_fees.surcharge has no check chk_<table>_surcharge_money');
  } finally {
    await db.drop();
  }
});

test('an amount checked against minor units with no foreign key on them makes the money lint fail', async () => {
  const db = await createTestDatabase();
  try {
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    // minor_units that nothing ties to the currency: any value passes the check
    await client.query(`set role b2b_owner;
      create table tenancy.rogue_credits (tenant_id uuid not null, credit_id uuid not null, currency text not null,
        minor_units smallint not null, amount numeric not null,
        constraint pk_rogue_credits primary key (tenant_id, credit_id),
        constraint chk_rogue_credits_amount_money check (app.is_money(amount, minor_units)));
      comment on table tenancy.rogue_credits is 'added by a test';`);
    await client.end();
    const result = await runPgTapFile(
      db.adminUrl,
      join(LINT_DIR, 'money_columns_follow_the_money_rule.test.sql'),
    );
    expect(result.failure).toContain(
      'tenancy.rogue_credits.amount is checked against minor_units, but no foreign key of tenancy.rogue_credits includes minor_units',
    );
  } finally {
    await db.drop();
  }
});

test('a tenant table with an identity column or a serial id makes the lint pack fail, naming each column', async () => {
  const db = await createTestDatabase();
  try {
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    await client.query(`set role b2b_owner;
      create table tenancy.rogue_tickets (tenant_id uuid not null, ticket_id bigint generated always as identity,
        constraint pk_rogue_tickets primary key (tenant_id, ticket_id));
      create table tenancy.rogue_invoices (tenant_id uuid not null, invoice_number bigserial,
        constraint pk_rogue_invoices primary key (tenant_id, invoice_number));
      create sequence tenancy.rogue_seq;
      create table tenancy.rogue_notes (tenant_id uuid not null,
        note_number bigint not null default nextval('tenancy.rogue_seq'),
        constraint pk_rogue_notes primary key (tenant_id, note_number));`);
    await client.end();
    const result = await runPgTapFile(
      db.adminUrl,
      join(LINT_DIR, 'tenant_ids_come_from_no_shared_sequence.test.sql'),
    );
    expect(result.failure).toContain('tenancy.rogue_tickets.ticket_id: identity column');
    expect(result.failure).toContain('tenancy.rogue_invoices.invoice_number: default from a sequence');
    expect(result.failure).toContain('tenancy.rogue_notes.note_number: default from a sequence');
  } finally {
    await db.drop();
  }
});
