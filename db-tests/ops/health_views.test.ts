// The ops.* health views (sql/ops/views): each has the columns it promises and returns rows when there is
// something to report (an unused and a duplicate index, a blocked lock, an open transaction, a replication
// slot); only the monitoring role reads them: the application, read-only and analytics roles are refused,
// for every view of the schema (enumerated from the catalog, so a view added later is covered).
import { withClient, withRoleOption } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/** Every view and its columns, as `name type`: what pnpm db:health --json and other readers rely on. */
const SHAPES: Record<string, string[]> = {
  slow_queries: [
    'database_name name',
    'role_name name',
    'queryid bigint',
    'toplevel boolean',
    'calls bigint',
    'total_ms numeric',
    'mean_ms numeric',
    'max_ms numeric',
    'stddev_ms numeric',
    'rows bigint',
    'share_pct numeric',
    'cache_hit_pct numeric',
    'temp_blks_written bigint',
    'query text',
  ],
  table_sizes: [
    'schema_name name',
    'table_name name',
    'kind text',
    'total_bytes bigint',
    'table_bytes bigint',
    'index_bytes bigint',
    'toast_bytes bigint',
    'total_size text',
    'estimated_rows bigint',
  ],
  index_usage: [
    'schema_name name',
    'table_name name',
    'index_name name',
    'scans bigint',
    'tuples_read bigint',
    'index_bytes bigint',
    'index_size text',
    'is_unique boolean',
    'backs_constraint boolean',
    'covers_foreign_key boolean',
    'unused boolean',
    'counted_since timestamp with time zone',
  ],
  duplicate_indexes: [
    'schema_name name',
    'table_name name',
    'index_name name',
    'duplicate_of name',
    'kind text',
    'index_bytes bigint',
    'index_definition text',
    'duplicate_of_definition text',
  ],
  table_bloat: [
    'schema_name name',
    'table_name name',
    'table_bytes bigint',
    'bloat_bytes bigint',
    'bloat_pct numeric',
    'bloat_size text',
    'fillfactor integer',
    'is_na boolean',
    'live_rows bigint',
    'dead_rows bigint',
    'last_vacuum timestamp with time zone',
    'last_analyze timestamp with time zone',
  ],
  long_transactions: [
    'pid integer',
    'database_name name',
    'role_name name',
    'application_name text',
    'client_addr inet',
    'state text',
    'xact_start timestamp with time zone',
    'xact_age interval',
    'xact_seconds numeric',
    'query_age interval',
    'wait_event_type text',
    'wait_event text',
    'xmin_age integer',
    'query text',
  ],
  blocked_locks: [
    'blocked_pid integer',
    'database_name name',
    'blocked_role name',
    'locktype text',
    'waits_for_mode text',
    'relation text',
    'waiting_since timestamp with time zone',
    'waiting_seconds numeric',
    'blocked_query text',
    'blocking_pid integer',
    'blocking_role name',
    'blocking_state text',
    'blocking_xact_age interval',
    'blocking_query text',
  ],
  replication_lag: [
    'kind text',
    'name text',
    'client_addr inet',
    'state text',
    'sync_state text',
    'lag_bytes bigint',
    'write_lag interval',
    'flush_lag interval',
    'replay_lag interval',
  ],
  xid_wraparound: [
    'database_name name',
    'xid_age integer',
    'autovacuum_freeze_max_age integer',
    'xids_until_stop integer',
    'pct_towards_stop numeric',
    'multixact_age integer',
    'oldest_table text',
    'oldest_table_xid_age integer',
  ],
};

async function connect(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  await client.connect();
  return client;
}

describe('ops health views', () => {
  let db: TestDatabase;
  let monitorUrl: string;
  const open: pg.Client[] = [];

  async function monitor<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return withClient(monitorUrl, async (c) => (await c.query<T>(sql, params)).rows);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    // The superuser switches to b2b_monitor at connection start: what the role may read is what it gets.
    monitorUrl = withRoleOption(db.adminUrl, 'b2b_monitor');
    await withClient(db.adminUrl, (c) =>
      c.query(`
        -- as the owner role, like every object of ours (the bloat estimate sees the statistics of its tables)
        set role b2b_owner;
        create schema drill;
        create table drill.items (item_id bigint primary key, code text not null, qty integer not null);
        insert into drill.items select g, 'c' || g, g % 7 from generate_series(1, 2000) g;
        -- never scanned, needed by nothing: unused
        create index idx_items_qty_unused on drill.items (qty);
        -- identical to the one above, and a prefix of the two-column one
        create index idx_items_qty_again on drill.items (qty);
        create index idx_items_qty_code on drill.items (qty, code);
        -- scanned below: used
        create index idx_items_code on drill.items (code);
        analyze drill.items;
      `),
    );
    await withClient(db.adminUrl, async (c) => {
      await c.query('set enable_seqscan = off');
      await c.query(`select count(*) from drill.items where code = 'c42'`);
      await c.query('select pg_stat_force_next_flush()');
    });
  });

  afterAll(async () => {
    for (const c of open) await c.end().catch(() => {});
    await db.drop();
  });

  test('every view of schema ops has the promised columns, and no other view exists there', async () => {
    const rows = await monitor<{ view: string; columns: string[] }>(`
      select c.relname as view,
        array_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) order by a.attnum) as columns
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0
      where c.relnamespace = 'ops'::regnamespace and c.relkind = 'v'
      group by c.relname`);
    expect(Object.fromEntries(rows.map((r) => [r.view, r.columns]))).toEqual(SHAPES);
  });

  test('each view returns rows of its shape as the monitoring role', async () => {
    for (const [view, columns] of Object.entries(SHAPES)) {
      const result = await withClient(monitorUrl, (c) => c.query(`select * from ops.${view} limit 1`));
      expect(
        result.fields.map((f) => f.name),
        view,
      ).toEqual(columns.map((c) => c.split(' ')[0]));
    }
    // views that always have something to say on a migrated database
    for (const view of ['slow_queries', 'table_sizes', 'index_usage', 'table_bloat', 'xid_wraparound']) {
      const [row] = await monitor<{ n: string }>(`select count(*) as n from ops.${view}`);
      expect(Number(row?.n), view).toBeGreaterThan(0);
    }
    const [sizes] = await monitor<{ total_bytes: string; estimated_rows: string }>(
      `select total_bytes, estimated_rows from ops.table_sizes where schema_name = 'drill' and table_name = 'items'`,
    );
    expect(Number(sizes?.total_bytes)).toBeGreaterThan(0);
    expect(Number(sizes?.estimated_rows)).toBe(2000);
    const [bloat] = await monitor<{ is_na: boolean; table_bytes: string }>(
      `select is_na, table_bytes from ops.table_bloat where schema_name = 'drill' and table_name = 'items'`,
    );
    expect(bloat).toMatchObject({ is_na: false });
    const [xid] = await monitor<{ database_name: string; oldest_table: string }>(
      `select database_name, oldest_table from ops.xid_wraparound where database_name = current_database()`,
    );
    expect(xid?.oldest_table).toMatch(/\./);
  });

  test('slow queries lists statements inside functions too (track = all), with their text', async () => {
    // constants are replaced by $n in pg_stat_statements, so the marker is a column alias
    await withClient(db.adminUrl, (c) =>
      c.query(`do $$ begin perform count(*) as ops_health_marker from drill.items; end $$`),
    );
    const rows = await monitor<{ toplevel: boolean; calls: string; query: string }>(
      `select toplevel, calls, query from ops.slow_queries
       where query like '%ops_health_marker%' and query not like '%slow_queries%' and database_name = current_database()`,
    );
    expect(rows.map((r) => r.toplevel).sort()).toEqual([false, true]);
    // pg_stat_statements hides other roles' texts from a role outside pg_read_all_stats (the text reads
    // '<insufficient privilege>', queryid null): b2b_monitor, through pg_monitor, sees them all
    const [hidden] = await monitor<{ n: string }>(
      `select count(*) as n from ops.slow_queries where query = '<insufficient privilege>' or queryid is null`,
    );
    expect(Number(hidden?.n)).toBe(0);
  });

  test('an index nothing scans or needs is unused; a scanned, unique or foreign-key index is not', async () => {
    const rows = await monitor<{ index_name: string; unused: boolean; scans: string }>(
      `select index_name, unused, scans from ops.index_usage where schema_name = 'drill' order by index_name`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.index_name, r.unused]))).toEqual({
      idx_items_code: false,
      idx_items_qty_again: true,
      idx_items_qty_code: true,
      idx_items_qty_unused: true,
      items_pkey: false,
    });
    expect(Number(rows.find((r) => r.index_name === 'idx_items_code')?.scans)).toBeGreaterThan(0);
    // Indexes behind foreign keys are needed even when no query scans them (the lint pack requires them).
    const [fk] = await monitor<{ n: string }>(
      `select count(*) as n from ops.index_usage where covers_foreign_key and unused`,
    );
    expect(Number(fk?.n)).toBe(0);
  });

  test('an identical index and a prefix of another index show up as duplicates', async () => {
    const rows = await monitor<{ index_name: string; duplicate_of: string; kind: string }>(
      `select index_name, duplicate_of, kind from ops.duplicate_indexes where schema_name = 'drill'
       order by index_name, duplicate_of`,
    );
    expect(rows).toEqual([
      { index_name: 'idx_items_qty_again', duplicate_of: 'idx_items_qty_code', kind: 'prefix' },
      { index_name: 'idx_items_qty_again', duplicate_of: 'idx_items_qty_unused', kind: 'identical' },
      { index_name: 'idx_items_qty_unused', duplicate_of: 'idx_items_qty_code', kind: 'prefix' },
    ]);
  });

  test('a blocked lock shows up with the waiting and the blocking session; an open transaction too', async () => {
    const holder = await connect(db.adminUrl, 'ops-test-holder');
    const waiter = await connect(db.adminUrl, 'ops-test-waiter');
    open.push(holder, waiter);
    const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    const waiterPid = (await waiter.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    await holder.query('begin');
    await holder.query('update drill.items set qty = qty + 1 where item_id = 1');
    const waiting = waiter.query('update drill.items set qty = qty + 2 where item_id = 1');
    let rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 100 && rows.length === 0; i++) {
      rows = await monitor(`select * from ops.blocked_locks where blocked_pid = $1`, [waiterPid]);
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      blocked_pid: waiterPid,
      blocking_pid: holderPid,
      locktype: 'transactionid',
      waits_for_mode: 'ShareLock',
      blocking_state: 'idle in transaction',
      blocked_query: 'update drill.items set qty = qty + 2 where item_id = 1',
      blocking_query: 'update drill.items set qty = qty + 1 where item_id = 1',
    });
    const transactions = await monitor<{ pid: number; state: string }>(
      `select pid, state from ops.long_transactions where pid in ($1, $2) order by xact_start`,
      [holderPid, waiterPid],
    );
    expect(transactions).toEqual([
      { pid: holderPid, state: 'idle in transaction' },
      { pid: waiterPid, state: 'active' },
    ]);
    await holder.query('rollback');
    await waiting;
    expect(await monitor(`select * from ops.blocked_locks where blocked_pid = $1`, [waiterPid])).toEqual([]);
  });

  test('replication lag lists a replication slot with the WAL it keeps', async () => {
    const session = await connect(db.adminUrl, 'ops-test-slot');
    open.push(session);
    const slot = `ops_test_${db.name}`;
    // temporary: dropped when this session ends
    await session.query(`select pg_create_physical_replication_slot($1, true, true)`, [slot]);
    const rows = await monitor<{ kind: string; state: string; sync_state: string; lag_bytes: string }>(
      `select kind, state, sync_state, lag_bytes from ops.replication_lag where name = $1`,
      [slot],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'slot', sync_state: 'physical' });
    expect(Number(rows[0]?.lag_bytes)).toBeGreaterThanOrEqual(0);
  });

  test('only the monitoring role reads them: b2b_app, b2b_readonly and b2b_analytics are refused (42501)', async () => {
    const views = await monitor<{ name: string }>(
      `select c.oid::regclass::text as name from pg_class c where c.relnamespace = 'ops'::regnamespace and c.relkind = 'v' order by 1`,
    );
    expect(views.length).toBe(Object.keys(SHAPES).length);
    for (const role of ['b2b_app', 'b2b_readonly', 'b2b_analytics'] as const) {
      await withClient(db.urlFor(role), async (c) => {
        for (const { name } of views) {
          await expect(
            c.query(`select * from ${name} limit 1`),
            `${role} reads ${name}`,
          ).rejects.toMatchObject({
            code: '42501',
          });
        }
        await expect(c.query('select * from ops.table_bloat_estimate()')).rejects.toMatchObject({
          code: '42501',
        });
        // nor the statistics underneath, whose query texts are every role's
        await expect(c.query('select * from public.pg_stat_statements limit 1')).rejects.toMatchObject({
          code: '42501',
        });
      });
    }
  });
});
