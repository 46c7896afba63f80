// The text rules of the lint pack fail on a deliberately broken object, naming it: a text column
// without a length bound, and a unique text key stored as typed (no canonicalizing trigger).
import { join } from 'node:path';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';

const LINT_DIR = join(import.meta.dirname, '..', 'lint');

async function asOwner(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set role b2b_owner; ${sql}`);
  } finally {
    await client.end();
  }
}

test('a text column without a length check makes text_columns_are_bounded fail, naming the column', async () => {
  const db = await createTestDatabase();
  try {
    await asOwner(
      db.adminUrl,
      `alter table catalog.warehouses add column note text;
       alter table accounts.buyers drop constraint chk_buyers_email_length;
       alter table accounts.companies add column notes jsonb;`,
    );
    const result = await runPgTapFile(db.adminUrl, join(LINT_DIR, 'text_columns_are_bounded.test.sql'));
    expect(result.failure).toContain('catalog.warehouses.note (text): no chk_<table>_<column>_length');
    expect(result.failure).toContain('accounts.buyers.email (text): no chk_<table>_<column>_length');
    expect(result.failure).toContain('accounts.companies.notes (jsonb): no chk_<table>_<column>_length');
  } finally {
    await db.drop();
  }
});

test('a length check that bounds nothing makes text_columns_are_bounded fail, naming the check', async () => {
  const db = await createTestDatabase();
  try {
    await asOwner(
      db.adminUrl,
      `alter table catalog.warehouses add column note text
         constraint chk_warehouses_note_length check (char_length(note) >= 0);`,
    );
    const result = await runPgTapFile(db.adminUrl, join(LINT_DIR, 'text_columns_are_bounded.test.sql'));
    expect(result.failure).toContain('catalog.warehouses.chk_warehouses_note_length');
  } finally {
    await db.drop();
  }
});

test('a unique text key without a canonicalizing trigger makes unique_text_keys_are_canonical fail, naming it', async () => {
  const db = await createTestDatabase();
  try {
    await asOwner(
      db.adminUrl,
      `alter table catalog.warehouses add column gln text
         constraint chk_warehouses_gln_length check (char_length(gln) <= 20);
       alter table catalog.warehouses add constraint uq_warehouses_tenant_id_gln unique (tenant_id, gln);
       alter table accounts.buyers disable trigger trg_buyers_before_write_canonical;`,
    );
    const result = await runPgTapFile(db.adminUrl, join(LINT_DIR, 'unique_text_keys_are_canonical.test.sql'));
    expect(result.failure).toContain(
      'catalog.warehouses.gln (in uq_warehouses_tenant_id_gln): no canonicalizing trigger',
    );
    expect(result.failure).toContain(
      'accounts.buyers.email (in uq_buyers_tenant_id_company_id_email): no canonicalizing trigger',
    );
  } finally {
    await db.drop();
  }
});
