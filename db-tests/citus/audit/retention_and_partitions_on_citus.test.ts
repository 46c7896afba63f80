// Retention and partition maintenance on Citus, where audit.events is a distributed partitioned table: the
// expired months are detached (Citus propagates DETACH PARTITION to every shard), exported through a streamed
// COPY from the coordinator (every shard's rows), and dropped (every shard dropped on the workers); a month
// whose export does not read back is not dropped, and the next run retires it. audit.create_partitions makes a
// month whose rows sit in the default partition: detach the default, create the month (distributed on its
// own), move the rows, attach the default again. Run as the owner on the coordinator, as
// `pnpm db:audit retention` and `pnpm db:audit maintain` do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportPartition, runRetention } from '../../../scripts/lib/audit/retention';

describe('audit retention and partitions on Citus', () => {
  const db = citusTestDatabase();
  let client: pg.Client;
  let dir: string;
  let tenantId: string;
  const value = async <T>(sql: string, params: unknown[] = []) =>
    Object.values((await client.query(sql, params)).rows[0] ?? {})[0] as T;
  const exists = async (name: string) =>
    (await value<string | null>('select to_regclass($1)::text', [name])) !== null;
  // shards of a relation the coordinator still knows of, and tables of that name left on any worker
  const shardsOf = (name: string) =>
    value<number>('select count(*)::int from citus_shards where table_name::text = $1', [name]);
  const onWorkers = async (relname: string) => {
    let n = 0;
    for (const url of db.workerAdminUrls) {
      const worker = new pg.Client({ connectionString: url });
      await worker.connect();
      try {
        const { rows } = await worker.query<{ n: number }>(
          `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
            where s.nspname = 'audit' and c.relname ~ ('^' || $1 || '(_[0-9]+)?$')`,
          [relname],
        );
        n += rows[0]?.n ?? 0;
      } finally {
        await worker.end();
      }
    }
    return n;
  };

  beforeAll(async () => {
    client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    dir = mkdtempSync(join(tmpdir(), 'audit-retention-citus-'));
    tenantId = (await freshTenant('audit retention on citus')).tenantId;
    // three months of 2015 (long before the trail's own months), made as audit.create_partitions names them
    for (const [m, next] of [
      ['01', '02'],
      ['03', '04'],
      ['04', '05'],
    ])
      await client.query(
        `create table audit.events_y2015m${m} partition of audit.events for values from ('2015-${m}-01') to ('2015-${next}-01')`,
      );
    // two staff events in January 2015, one in March (kept 2 years), an order's in April (10 years)
    await client.query(
      `insert into audit.events (tenant_id, table_name, row_key, operation, new_values, actor_role, source, application_name, txid, occurred_at)
       select $1::uuid, t, '{}', 'insert', jsonb_build_object('n', n), 'b2b_app', 'application', 'storefront', 3, at
         from (values ('tenancy.staff_users', 1, timestamptz '2015-01-10'), ('tenancy.staff_users', 2, '2015-01-20'),
                      ('tenancy.staff_users', 3, '2015-03-10'), ('orders.orders', 4, '2015-04-10')) v(t, n, at)`,
      [tenantId],
    );
  });
  afterAll(async () => {
    await client?.end();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const at = new Date('2017-06-15T00:00:00Z');

  test('the expired months are detached, exported from every shard and dropped on the workers; a damaged export drops nothing', async () => {
    expect(await shardsOf('audit.events_y2015m01')).toBeGreaterThan(0);
    const months = await runRetention(client, {
      dir,
      at,
      exportStep: async (c, partition, file) => {
        const written = await exportPartition(c, partition, file);
        if (partition === 'audit.events_y2015m03') writeFileSync(file, Buffer.from('not gzip'));
        return written;
      },
    });
    const byName = Object.fromEntries(months.map((m) => [m.partition, m]));
    expect(byName['audit.events_y2015m01']).toMatchObject({ rows: 2, dropped: true });
    expect(byName['audit.events_y2015m03']).toMatchObject({ dropped: false });
    expect(byName['audit.events_y2015m04']).toBeUndefined(); // an order: kept 10 years
    expect(await exists('audit.events_y2015m01')).toBe(false);
    expect(await shardsOf('audit.events_y2015m01')).toBe(0);
    expect(await onWorkers('events_y2015m01')).toBe(0);
    // March stays detached, its row kept (a distributed table of its own, out of the trail)
    expect(await exists('audit.events_y2015m03')).toBe(true);
    expect(await value<number>('select count(*)::int from audit.events_y2015m03')).toBe(1);
    expect(
      await value<number>(
        `select count(*)::int from audit.events where tenant_id = $1 and occurred_at < '2015-04-01'`,
        [tenantId],
      ),
    ).toBe(0);
    expect(
      await value<number>(`select count(*)::int from audit.events where tenant_id = $1`, [tenantId]),
    ).toBe(1);
    const text = gunzipSync(readFileSync(join(dir, 'audit.events_y2015m01.copy.gz'))).toString('utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).toContain('{"n": 1}');
    expect(
      (
        await client.query(
          `select state, export_rows from audit.retired_partitions where partition_name = 'audit.events_y2015m01'`,
        )
      ).rows,
    ).toEqual([{ state: 'dropped', export_rows: '2' }]);
  });

  test('the next run retires the month left detached', async () => {
    const months = await runRetention(client, { dir, at });
    expect(months.map((m) => [m.partition, m.dropped])).toEqual([['audit.events_y2015m03', true]]);
    expect(await exists('audit.events_y2015m03')).toBe(false);
    expect(await onWorkers('events_y2015m03')).toBe(0);
    expect(await exists('audit.events_y2015m04')).toBe(true);
  });

  test('create_partitions moves the rows of a new month out of the default partition, on every shard', async () => {
    // a month a year ahead, past the months maintenance made: its event lands in the default partition
    const month = await value<string>(
      `select to_char(date_trunc('month', now()) + interval '12 months', 'YYYY-MM-DD')`,
    );
    const name = `events_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
    expect(await exists(`audit.${name}`)).toBe(false);
    await client.query(
      `insert into audit.events (tenant_id, table_name, row_key, operation, new_values, actor_role, source, application_name, txid, occurred_at)
       values ($1, 'tenancy.staff_users', '{}', 'insert', '{}', 'b2b_app', 'application', 'storefront', 3, $2::date + interval '3 days')`,
      [tenantId, month],
    );
    expect(
      await value<number>('select count(*)::int from audit.events_default where tenant_id = $1', [tenantId]),
    ).toBe(1);
    const made = (
      await client.query<{ p: string }>('select p from audit.create_partitions(12, $1::date) p', [month])
    ).rows.map((r) => r.p);
    expect(made).toEqual([`audit.${name} (1 rows moved from the default partition)`]);
    expect(
      await value<number>(`select count(*)::int from audit.${name} where tenant_id = $1`, [tenantId]),
    ).toBe(1);
    expect(
      await value<number>('select count(*)::int from audit.events_default where tenant_id = $1', [tenantId]),
    ).toBe(0);
    // the default is attached again, and the new month is distributed and colocated like its parent
    expect(
      await value<string>(
        `select pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.oid = 'audit.events_default'::regclass`,
      ),
    ).toBe('DEFAULT');
    expect(
      await value<boolean>(
        `select (select colocationid from pg_dist_partition where logicalrelid = $1::regclass)
              = (select colocationid from pg_dist_partition where logicalrelid = 'audit.events'::regclass)`,
        [`audit.${name}`],
      ),
    ).toBe(true);
  });
});
