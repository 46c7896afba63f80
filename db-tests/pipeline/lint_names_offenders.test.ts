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
