// Read routing against a real streaming replica: a throwaway primary (migrated like the template) and a
// replica made from it with pg_basebackup -R, both started here and thrown away at the end.
import { randomUUID } from 'node:crypto';
import { buildTemplate, databaseUrl, withClient } from '@b2b/testing';
import {
  findPgBinaries,
  REPLICATION_ROLE,
  type RunningCluster,
  startThrowawayCluster,
  startThrowawayReplica,
  type ThrowawayReplica,
} from '@b2b/testing/provider';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, type TestContext, test } from 'vitest';
import { ReadOnlyError } from './errors';
import { createPools, type Pools, ReplicaLagError, withReplica, withTenantLsn } from './replica';
import { withTenant } from './tenant';
import type { Queryable } from './transaction';

const haveBinaries = Boolean(findPgBinaries());

/** The run says so when it cannot start a primary and a replica: a silent skip would read as a pass. */
function needBinaries(ctx: TestContext): void {
  if (haveBinaries) return;
  const why =
    'needs local PostgreSQL binaries (initdb, pg_basebackup) to start a replica: see ./scripts/setup.sh';
  console.warn(`read routing to a replica: skipped: ${why}`);
  ctx.skip(why);
}
const DATABASE = 'b2b_replica_test';
/** The password buildTemplate gives the login roles on throwaway servers. */
const APP_PASSWORD = 'b2b-test-only';

function appUrl(cluster: RunningCluster): string {
  const u = new URL(databaseUrl(cluster.url, DATABASE));
  u.username = 'b2b_app';
  u.password = APP_PASSWORD;
  return u.toString();
}

async function addStaffUser(client: Queryable, email: string): Promise<void> {
  await client.query(`insert into tenancy.staff_users (email, display_name) values ($1, 'Replica test')`, [
    email,
  ]);
}

async function countStaffUsers(client: Queryable, email: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'select count(*)::int as n from tenancy.staff_users where email = $1',
    [email],
  );
  return rows[0]?.n ?? -1;
}

async function onReplica<T>(replica: RunningCluster, sql: string): Promise<T[]> {
  return withClient(databaseUrl(replica.url, DATABASE), async (c) => (await c.query(sql)).rows as T[]);
}

describe('read routing to a streaming replica', () => {
  let primary: RunningCluster & { stop(): Promise<void> };
  let replica: ThrowawayReplica;
  let pools: Pools;
  let tenantId: string;

  beforeAll(async () => {
    if (!haveBinaries) return;
    // synchronous_commit on (the test default is off): a commit's WAL is flushed, so streamed, at once
    primary = await startThrowawayCluster({ port: 6600, settings: ['fsync=off', 'full_page_writes=off'] });
    await buildTemplate(primary.url, DATABASE, 'local binaries');
    tenantId = await withClient(databaseUrl(primary.url, DATABASE), async (c) => {
      const { rows } = await c.query<{ id: string }>(`select tests.create_tenant('replica-test') as id`);
      return rows[0]?.id as string;
    });
    replica = await startThrowawayReplica(primary, { port: 6610 });
    pools = createPools({
      primary: { connectionString: appUrl(primary), max: 4 },
      replica: { connectionString: appUrl(replica), max: 4 },
    });
  });
  afterAll(async () => {
    await pools?.primary.end();
    await pools?.replica.end();
    await replica?.stop();
    await primary?.stop();
  });

  test('a read runs on the replica, read only, acting for the tenant', async (ctx) => {
    needBinaries(ctx);
    const routes: string[] = [];
    const seen = await withReplica(
      pools,
      { tenantId },
      async (c) =>
        (
          await c.query(
            `select pg_is_in_recovery() as standby, current_setting('transaction_read_only') as read_only,
               app.current_tenant_id() as tenant`,
          )
        ).rows[0],
      { onRoute: (r) => routes.push(r.server) },
    );
    expect(seen).toEqual({ standby: true, read_only: 'on', tenant: tenantId });
    expect(routes).toEqual(['replica']);
  });

  test('read your writes: 50 writes each read back at once from the replica, never the primary', async (ctx) => {
    needBinaries(ctx);
    const routes = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const email = `ryw-${i}-${randomUUID()}@example.com`;
      const { commitLsn } = await withTenantLsn(pools.primary, { tenantId }, (c) => addStaffUser(c, email));
      expect(commitLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      const seen = await withReplica(pools, { tenantId }, (c) => countStaffUsers(c, email), {
        afterLsn: commitLsn,
        maxWaitMs: 10_000,
        onLag: 'error',
        onRoute: (r) => routes.add(r.server),
      });
      expect(seen, `write ${i} read back`).toBe(1);
    }
    expect([...routes]).toEqual(['replica']);
  });

  describe('while the replica has paused replay (pg_wal_replay_pause)', () => {
    beforeAll(async () => {
      if (!haveBinaries) return;
      await onReplica(replica, 'select pg_wal_replay_pause()');
      for (let i = 0; i < 200; i++) {
        const [state] = await onReplica<{ s: string }>(
          replica,
          'select pg_get_wal_replay_pause_state() as s',
        );
        if (state?.s === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('replay did not pause');
    });
    afterAll(async () => {
      if (haveBinaries) await onReplica(replica, 'select pg_wal_replay_resume()');
    });

    test('a read-your-writes read falls back to the primary after the bound, and sees the write', async (ctx) => {
      needBinaries(ctx);
      const email = `paused-${randomUUID()}@example.com`;
      const { commitLsn } = await withTenantLsn(pools.primary, { tenantId }, (c) => addStaffUser(c, email));
      // the replica does not have it: without afterLsn the read runs there and misses the write
      expect(await withReplica(pools, { tenantId }, (c) => countStaffUsers(c, email))).toBe(0);
      const routes: unknown[] = [];
      const started = performance.now();
      const seen = await withReplica(pools, { tenantId }, (c) => countStaffUsers(c, email), {
        afterLsn: commitLsn,
        maxWaitMs: 300,
        onRoute: (r) => routes.push(r),
      });
      expect(seen).toBe(1);
      expect(routes).toEqual([{ server: 'primary', reason: 'replica_lag_exceeded' }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    });

    test("with onLag 'error' the read throws ReplicaLagError replica_lag_exceeded (B1075) instead", async (ctx) => {
      needBinaries(ctx);
      const email = `paused-error-${randomUUID()}@example.com`;
      const { commitLsn } = await withTenantLsn(pools.primary, { tenantId }, (c) => addStaffUser(c, email));
      const read = withReplica(pools, { tenantId }, (c) => countStaffUsers(c, email), {
        afterLsn: commitLsn,
        maxWaitMs: 50,
        onLag: 'error',
      });
      await expect(read).rejects.toBeInstanceOf(ReplicaLagError);
      await expect(read).rejects.toMatchObject({ code: 'replica_lag_exceeded', sqlstate: 'B1075' });
    });
  });

  test('a write on the replica pool is refused with ReadOnlyError (read_only_transaction, 25006)', async (ctx) => {
    needBinaries(ctx);
    const email = `refused-${randomUUID()}@example.com`;
    const viaWithTenant = withTenant(pools.replica, { tenantId }, (c) => addStaffUser(c, email));
    await expect(viaWithTenant).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(viaWithTenant).rejects.toMatchObject({ code: 'read_only_transaction', sqlstate: '25006' });
    const insideRead = withReplica(pools, { tenantId }, (c) => addStaffUser(c, email));
    await expect(insideRead).rejects.toMatchObject({ code: 'read_only_transaction', sqlstate: '25006' });
  });

  test('the replica pool refuses writes even when its URL names the primary by mistake', async (ctx) => {
    needBinaries(ctx);
    const misrouted = createPools({
      primary: { connectionString: appUrl(primary), max: 1 },
      replica: { connectionString: appUrl(primary), max: 1 },
    });
    try {
      const write = withTenant(misrouted.replica, { tenantId }, (c) =>
        addStaffUser(c, `misrouted-${randomUUID()}@example.com`),
      );
      await expect(write).rejects.toMatchObject({ code: 'read_only_transaction', sqlstate: '25006' });
    } finally {
      await misrouted.primary.end();
      await misrouted.replica.end();
    }
  });

  test('an unreachable replica: reads fall back to the primary, or throw replica_unavailable (B1076)', async (ctx) => {
    needBinaries(ctx);
    const closed = new URL(appUrl(replica));
    closed.port = '1'; // nothing listens there: connection refused at once
    const down = createPools({
      primary: { connectionString: appUrl(primary), max: 1 },
      replica: { connectionString: closed.toString(), max: 1 },
    });
    try {
      const routes: unknown[] = [];
      const read = (c: Queryable) => c.query('select pg_is_in_recovery() as standby').then((r) => r.rows[0]);
      expect(await withReplica(down, { tenantId }, read, { onRoute: (r) => routes.push(r) })).toEqual({
        standby: false,
      });
      const email = `down-${randomUUID()}@example.com`;
      const { commitLsn } = await withTenantLsn(down.primary, { tenantId }, (c) => addStaffUser(c, email));
      expect(
        await withReplica(down, { tenantId }, (c) => countStaffUsers(c, email), {
          afterLsn: commitLsn,
          onRoute: (r) => routes.push(r),
        }),
      ).toBe(1);
      expect(routes).toEqual([
        { server: 'primary', reason: 'replica_unavailable' },
        { server: 'primary', reason: 'replica_unavailable' },
      ]);
      await expect(withReplica(down, { tenantId }, read, { onLag: 'error' })).rejects.toMatchObject({
        name: 'ReplicaLagError',
        code: 'replica_unavailable',
        sqlstate: 'B1076',
      });
    } finally {
      await down.primary.end();
      await down.replica.end();
    }
  });

  test('a replica that drops an idle pooled connection does not crash the process; the next read reconnects', async (ctx) => {
    needBinaries(ctx);
    const own = createPools({
      primary: { connectionString: appUrl(primary), max: 1 },
      replica: { connectionString: appUrl(replica), max: 1, applicationName: 'b2b-replica-dropped' },
    });
    try {
      const read = (c: Queryable) => c.query('select pg_backend_pid() as pid').then((r) => r.rows[0].pid);
      const first = await withReplica(own, { tenantId }, read);
      // as a replica restart or rebuild would: the server ends the idle session under the pool
      const [ended] = await onReplica<{ ok: boolean }>(
        replica,
        `select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = 'b2b-replica-dropped'`,
      );
      expect(ended?.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the idle client's error event fires here
      const routes: unknown[] = [];
      const second = await withReplica(own, { tenantId }, read, { onRoute: (r) => routes.push(r) });
      expect(second).not.toBe(first);
      expect(routes).toEqual([{ server: 'replica' }]);
    } finally {
      await own.primary.end();
      await own.replica.end();
    }
  });

  test('an error inside the read is the caller’s: not retried on the primary', async (ctx) => {
    needBinaries(ctx);
    const routes: unknown[] = [];
    const failing = withReplica(pools, { tenantId }, (c) => c.query('select 1/0'), {
      onRoute: (r) => routes.push(r),
    });
    await expect(failing).rejects.toMatchObject({ sqlstate: '22012' });
    expect(routes).toEqual([]);
  });

  test('malformed afterLsn and maxWaitMs are refused before any query', async (ctx) => {
    needBinaries(ctx);
    const read = (c: Queryable) => countStaffUsers(c, 'x@example.com');
    await expect(
      withReplica(pools, { tenantId }, read, { afterLsn: "0/0'; drop table x; --" }),
    ).rejects.toMatchObject({ code: 'value_invalid' });
    await expect(
      withReplica(pools, { tenantId }, read, { afterLsn: '0/1', maxWaitMs: Number.NaN }),
    ).rejects.toMatchObject({ code: 'value_invalid' });
  });

  test('the replication role logs in with its SCRAM password only (a wrong one is refused, 28P01)', async (ctx) => {
    needBinaries(ctx);
    const rules = await withClient(primary.url, async (c) => {
      const { rows } = await c.query<{ auth_method: string }>(
        `select auth_method from pg_hba_file_rules
         where 'replication' = any(database) and $1 = any(user_name) order by line_number limit 1`,
        [REPLICATION_ROLE],
      );
      const verifier = await c.query<{ scram: boolean }>(
        `select rolpassword like 'SCRAM-SHA-256$%' as scram from pg_authid where rolname = $1`,
        [REPLICATION_ROLE],
      );
      return { first: rows[0]?.auth_method, scram: verifier.rows[0]?.scram };
    });
    expect(rules).toEqual({ first: 'scram-sha-256', scram: true });
    const wrong = new pg.Client({
      host: '127.0.0.1',
      port: primary.port,
      user: REPLICATION_ROLE,
      password: 'not-the-password',
      database: 'postgres',
      replication: 'true',
    } as pg.ClientConfig);
    await expect(wrong.connect()).rejects.toMatchObject({ code: '28P01' });
    await wrong.end().catch(() => {});
  });
});
