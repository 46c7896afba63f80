// Retention end to end as the owner: the expired months are detached, exported through a streamed COPY into
// gzip files whose text hashes as the stream did, and dropped; a month whose export does not read back as
// written is not dropped (it stays detached, its rows kept), and the next run retires it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportPartition, runRetention } from './retention';

let db: TestDatabase;
let client: pg.Client;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  dir = mkdtempSync(join(tmpdir(), 'audit-retention-'));
  const tenant = (await client.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
  await client.query(`select audit.create_partitions(0, date '2024-01-01')`);
  // two staff events in January 2024, one in March 2024 (kept 2 years), an order's in April 2024 (10 years)
  await client.query(
    `insert into audit.events (tenant_id, table_name, row_key, operation, new_values, actor_role, source, application_name, txid, occurred_at)
     select $1, t, '{}', 'insert', jsonb_build_object('n', n), 'b2b_app', 'application', 'storefront', 3, at
       from (values ('tenancy.staff_users', 1, timestamptz '2024-01-10'), ('tenancy.staff_users', 2, '2024-01-20'),
                    ('tenancy.staff_users', 3, '2024-03-10'), ('orders.orders', 4, '2024-04-10')) v(t, n, at)`,
    [tenant],
  );
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const at = new Date('2026-06-15T00:00:00Z');
const exists = async (name: string) =>
  (await client.query<{ t: string | null }>('select to_regclass($1)::text as t', [name])).rows[0]?.t !== null;

test('a month whose export does not read back is not dropped; the others are', async () => {
  const months = await runRetention(client, {
    dir,
    at,
    // the export of March is damaged after writing: its text no longer hashes as the stream did
    exportStep: async (c, partition, file) => {
      const written = await exportPartition(c, partition, file);
      if (partition === 'audit.events_y2024m03') writeFileSync(file, Buffer.from('not gzip'));
      return written;
    },
  });
  const byName = Object.fromEntries(months.map((m) => [m.partition, m]));
  expect(byName['audit.events_y2024m01']).toMatchObject({ rows: 2, dropped: true });
  expect(byName['audit.events_y2024m03']).toMatchObject({ dropped: false });
  expect(byName['audit.events_y2024m04']).toBeUndefined(); // orders: kept 10 years
  expect(await exists('audit.events_y2024m01')).toBe(false);
  expect(await exists('audit.events_y2024m03')).toBe(true);
  expect((await client.query('select count(*)::int as n from audit.events_y2024m03')).rows[0].n).toBe(1);
  expect(await exists('audit.events_y2024m04')).toBe(true);
  // the export is COPY text of the partition: one line per event, the recorded checksum its sha256
  const text = gunzipSync(readFileSync(join(dir, 'audit.events_y2024m01.copy.gz'))).toString('utf8');
  expect(text.trim().split('\n')).toHaveLength(2);
  expect(text).toContain('{"n": 1}');
  const { rows } = await client.query(
    `select state, export_rows, export_sha256 from audit.retired_partitions where partition_name = 'audit.events_y2024m01'`,
  );
  expect(rows[0]).toMatchObject({ state: 'dropped', export_rows: '2' });
  expect(rows[0].export_sha256).toBe(byName['audit.events_y2024m01']?.sha256);
});

test('the next run retires the month left detached', async () => {
  const months = await runRetention(client, { dir, at });
  expect(months.map((m) => [m.partition, m.dropped])).toEqual([['audit.events_y2024m03', true]]);
  expect(await exists('audit.events_y2024m03')).toBe(false);
});
