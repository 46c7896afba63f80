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
