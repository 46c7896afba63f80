// Every named constraint (and unique index) in the schema and every custom SQLSTATE raised in sql/ has an
// entry in packages/db/src/error-catalog.ts, so the application can map it to a stable code and message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constraintErrors, sqlstateErrors } from '@b2b/db';
import { SQL_DIR as sqlDir } from '@b2b/testing';
import { createTestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';

test('every named constraint and unique index of the schema has an error catalog entry', async () => {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`
      select k.conname as name
      from pg_constraint k join tests.linted_tables t on t.oid = k.conrelid
      where k.contype in ('p', 'u', 'f', 'c', 'x')
      union
      select c.relname
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join tests.linted_tables t on t.oid = i.indrelid
      where i.indisunique and not exists (select from pg_constraint k where k.conindid = i.indexrelid)
      order by 1`);
    const inSchema = rows.map((r) => r.name);
    const missing = inSchema.filter((name) => !(name in constraintErrors));
    expect(missing, 'add these to packages/db/src/error-catalog.ts, then `pnpm db:docs`').toEqual([]);
    const stale = Object.keys(constraintErrors).filter((name) => !inSchema.includes(name));
    expect(stale, 'these catalog entries name constraints that no longer exist').toEqual([]);
    const badNames = inSchema.filter((name) => !/^(pk|uq|fk|chk|excl)_[a-z0-9_]+$/.test(name));
    expect(badNames, 'constraint names start with pk_, uq_, fk_, chk_ or excl_').toEqual([]);
  } finally {
    await client.end();
    await db.drop();
  }
});

test('every custom SQLSTATE raised in sql/ has an error catalog entry', () => {
  const files = readdirSync(sqlDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.sql'));
  const raised = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join(sqlDir, file), 'utf8').matchAll(/errcode\s*=\s*'(B\d{4})'/g)) {
      if (match[1]) raised.add(match[1]);
    }
  }
  expect(raised.size).toBeGreaterThan(0);
  expect([...raised].filter((state) => !(state in sqlstateErrors)).sort()).toEqual([]);
});
