// The audit trail on Citus: audit.events is a partitioned table distributed by tenant_id, colocated with the
// tenant tables. Writes through withTenant as b2b_app fire the capture trigger on the shards of the tenant's
// worker (citus.enable_unsafe_triggers), and their events land in the tenant's shard of audit.events on
// that same worker, under the table's own name (not the shard's), with the acting user and the client's
// application name (not Citus's internal one); b2b_app of another tenant reads none of them. The sealing job
// (audit.seal, a distributed function delegated to the tenant's worker) seals them there, audit.verify
// passes, and an event rewritten on the worker's shard behind the trigger's back is reported as changed.
import { createPool, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

describe('the audit trail on Citus', () => {
  const db = citusTestDatabase();
  const actor = '00000000-0000-4000-8000-0000000c1705';
  let pool: pg.Pool;
  let tenantId: string;
  const admin = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    withClient(db.adminUrl, async (c) => (await c.query<R>(sql, params)).rows);
  const bed = {
    get world() {
      return { tenantId };
    },
    admin,
    get pool() {
      return pool;
    },
    async adminValue<T>(sql: string, params: unknown[] = []) {
      const [row] = await admin(sql, params);
      return Object.values(row ?? {})[0] as T;
    },
  };

  beforeAll(async () => {
    tenantId = (await freshTenant('audit on citus')).tenantId;
    pool = createPool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
  });

  test('audit.events is distributed by tenant_id, colocated with the tenant tables', async () => {
    const rows = await bed.admin<{ same: boolean; method: string }>(
      `select p.partmethod as method,
              p.colocationid = (select colocationid from pg_dist_partition where logicalrelid = 'tenancy.staff_users'::regclass) as same
         from pg_dist_partition p where p.logicalrelid = 'audit.events'::regclass`,
    );
    expect(rows).toEqual([{ method: 'h', same: true }]);
  });

  test("the events of writes through withTenant land on the tenant's worker, with the actor and the client's application name", async () => {
    const staffId = await withTenant(pool, { tenantId, userId: actor }, async (c) => {
      const { rows } = await c.query<{ id: string }>(
        `insert into tenancy.staff_users (email, display_name) values ('ann@citus.example', 'Ann') returning staff_user_id as id`,
      );
      await c.query(
        `update tenancy.staff_users set display_name = 'Ann B.' where tenant_id = $1 and staff_user_id = $2`,
        [tenantId, rows[0]?.id],
      );
      return rows[0]?.id as string;
    });
    const events = await bed.admin<{
      table_name: string;
      actor_user_id: string;
      application_name: string;
      source: string;
    }>(
      `select table_name, actor_user_id, application_name, source from audit.events
        where tenant_id = $1 and actor_user_id = $2 order by table_name`,
      [bed.world.tenantId, actor],
    );
    expect(events.map((e) => e.table_name)).toEqual(['tenancy.staff_users', 'tenancy.staff_users']);
    for (const e of events)
      expect(e).toMatchObject({ actor_user_id: actor, application_name: 'b2b', source: 'application' });
    const history = await bed.admin<{ operation: string }>(
      `select operation from audit.events where tenant_id = $1 and table_name = 'tenancy.staff_users'
        and row_key ->> 'staff_user_id' = $2 order by occurred_at`,
      [bed.world.tenantId, staffId],
    );
    expect(history.map((h) => h.operation)).toEqual(['insert', 'update']);

    // physically: the tenant's shard of audit.events (and of orders.orders) is on one worker, which holds the rows
    const [placement] = await bed.admin<{ node: string; events_shard: string; orders_node: string }>(
      `select (select nodename || ':' || nodeport from citus_shards
                where shardid = get_shard_id_for_distribution_column('audit.events', $1::uuid)) as node,
              'audit.events_' || get_shard_id_for_distribution_column('audit.events', $1::uuid) as events_shard,
              (select nodename || ':' || nodeport from citus_shards
                where shardid = get_shard_id_for_distribution_column('tenancy.staff_users', $1::uuid)) as orders_node`,
      [bed.world.tenantId],
    );
    expect(placement?.node).toBe(placement?.orders_node);
    const worker = db.workerAdminUrls.find((u) => `127.0.0.1:${new URL(u).port}` === placement?.node);
    expect(worker).toBeDefined();
    const onWorker = await withClient(worker as string, async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `select count(*)::int as n from ${placement?.events_shard} where tenant_id = $1 and actor_user_id = $2`,
        [bed.world.tenantId, actor],
      );
      return rows[0]?.n;
    });
    expect(onWorker).toBe(events.length);
  });

  test('another tenant reads none of the events', async () => {
    const other = await freshTenant('audit other');
    const seen = await withTenant(bed.pool, { tenantId: other.tenantId }, async (c) => {
      const { rows } = await c.query<{ n: number }>(
        'select count(*)::int as n from audit.events where tenant_id = $1',
        [bed.world.tenantId],
      );
      return rows[0]?.n;
    });
    expect(seen).toBe(0);
  });

  test("audit.seal seals the tenant's events on its worker; verify passes, then names an event rewritten on the shard", async () => {
    const sealed = await bed.adminValue<number>('select audit.seal($1::uuid)', [bed.world.tenantId]);
    const events = await bed.adminValue<number>(
      'select count(*)::int from audit.events where tenant_id = $1',
      [bed.world.tenantId],
    );
    expect(events).toBeGreaterThanOrEqual(2);
    expect(sealed).toBe(events);
    expect(await bed.adminValue<number>('select audit.seal($1::uuid)', [bed.world.tenantId])).toBe(0);
    const head = await bed.adminValue<{ seal_seq: number }>('select audit.chain_head($1::uuid)', [
      bed.world.tenantId,
    ]);
    expect(head.seal_seq).toBe(events);
    expect(await bed.admin('select problem from audit.verify($1::uuid)', [bed.world.tenantId])).toEqual([]);

    // out of band: rewrite the update's new values on the tenant's shard, around the append-only trigger
    const [placement] = await bed.admin<{ node: string; shard: string }>(
      `select (select nodename || ':' || nodeport from citus_shards
                where shardid = get_shard_id_for_distribution_column('audit.events', $1::uuid)) as node,
              'audit.events_' || get_shard_id_for_distribution_column('audit.events', $1::uuid) as shard`,
      [bed.world.tenantId],
    );
    const worker = db.workerAdminUrls.find((u) => `127.0.0.1:${new URL(u).port}` === placement?.node);
    expect(worker).toBeDefined();
    await withClient(worker as string, async (c) => {
      await c.query('begin');
      await c.query('set local session_replication_role = replica');
      await c.query(
        `update ${placement?.shard} set new_values = jsonb_set(new_values, '{display_name}', '"Someone else"')
          where tenant_id = $1 and operation = 'update' and table_name = 'tenancy.staff_users'`,
        [bed.world.tenantId],
      );
      await c.query('commit');
    });
    const problems = await bed.admin<{ problem: string }>('select problem from audit.verify($1::uuid)', [
      bed.world.tenantId,
    ]);
    expect(problems.map((p) => p.problem)).toEqual(['changed']);
  });

  test("audit.erase_subject, called by b2b_app on the tenant's worker, leaves no personal value and the chain verifies", async () => {
    const { tenantId: t } = await freshTenant('audit erase on citus');
    const staffId = await withTenant(pool, { tenantId: t }, async (c) => {
      const { rows } = await c.query<{ id: string }>(
        `insert into tenancy.staff_users (email, display_name) values ('eve@citus.example', 'Eve Erased') returning staff_user_id as id`,
      );
      return rows[0]?.id as string;
    });
    expect(await bed.adminValue<number>('select audit.seal($1::uuid)', [t])).toBe(1);
    const rewritten = await withTenant(pool, { tenantId: t }, async (c) => {
      await c.query(
        `update tenancy.staff_users set email = 'erased.' || replace(staff_user_id::text, '-', '') || '@example.com', display_name = 'erased'
          where tenant_id = $1 and staff_user_id = $2`,
        [t, staffId],
      );
      const { rows } = await c.query<{ n: string }>(
        `select audit.erase_subject($1, 'tenancy.staff_users', jsonb_build_object('staff_user_id', $2::uuid)) as n`,
        [t, staffId],
      );
      return Number(rows[0]?.n);
    });
    expect(rewritten).toBe(2);
    const left = await bed.adminValue<number>(
      `select count(*)::int from audit.events where tenant_id = $1
          and (coalesce(old_values::text, '') || coalesce(new_values::text, '')) ~ '(eve@citus|Eve Erased)'`,
      [t],
    );
    expect(left).toBe(0);
    expect(await bed.adminValue<number>('select audit.seal($1::uuid)', [t])).toBe(1);
    expect(await bed.admin('select problem from audit.verify($1::uuid)', [t])).toEqual([]);
  });

  test("audit.seal_all (the maintenance command's call, on the coordinator) seals each tenant on its worker", async () => {
    const { tenantId: t } = await freshTenant('audit seal_all on citus');
    await withTenant(pool, { tenantId: t }, (c) =>
      c.query(`insert into tenancy.staff_users (email, display_name) values ('sal@citus.example', 'Sal')`),
    );
    const sealed = await bed.admin<{ sealed: number }>(
      'select sealed from audit.seal_all() where tenant_id = $1',
      [t],
    );
    expect(sealed).toEqual([{ sealed: 1 }]);
    expect(await bed.admin('select problem from audit.verify($1::uuid)', [t])).toEqual([]);
    // a call Citus does not delegate (a PL/pgSQL expression with the tenant in a variable) would run on the
    // coordinator, whose transaction ids are not the events' (the worker's): refused
    const refused = await bed
      .admin(`do $$ declare t uuid := '${t}'; begin perform audit.seal(t); end $$`)
      .then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      );
    expect(refused).toBe('B4006');
  });
});
