// The audit trail on Citus: audit.events is a partitioned table distributed by tenant_id, colocated with the
// tenant tables. A package call (placeOrder, one distributed function on the tenant's worker) fires the
// capture trigger on the shards there (citus.enable_unsafe_triggers), and its events land in the tenant's
// shard of audit.events on that same worker, with the acting user and the client's application name
// (not Citus's internal one); the sealing job and verify run there too, and b2b_app of another tenant
// reads none of them.
import { withTenant } from '@b2b/db';
import { placeOrder } from '@b2b/orders';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CitusOrdersBed, openCitusOrdersBed } from '../orders/world';

describe('the audit trail on Citus', () => {
  const db = citusTestDatabase();
  let bed: CitusOrdersBed;
  const actor = '00000000-0000-4000-8000-0000000c1705';

  beforeAll(async () => {
    bed = await openCitusOrdersBed('audit on citus', 20);
  });
  afterAll(async () => {
    await bed?.close();
  });

  test('audit.events is distributed by tenant_id, colocated with the orders', async () => {
    const rows = await bed.admin<{ same: boolean; method: string }>(
      `select p.partmethod as method,
              p.colocationid = (select colocationid from pg_dist_partition where logicalrelid = 'orders.orders'::regclass) as same
         from pg_dist_partition p where p.logicalrelid = 'audit.events'::regclass`,
    );
    expect(rows).toEqual([{ method: 'h', same: true }]);
  });

  test("a package call's events land on the tenant's worker, with the actor and the client's application name", async () => {
    const order = await bed.asTenant(
      (c) =>
        placeOrder(c, {
          companyId: bed.world.companyId,
          buyerId: bed.world.buyerId,
          currency: 'EUR',
          lines: [{ variantId: bed.world.variantId, quantity: 2 }],
          idempotencyKey: 'citus-audit-1',
        }),
      actor,
    );
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
    expect(events.map((e) => e.table_name)).toEqual(
      expect.arrayContaining(['orders.orders', 'orders.order_lines', 'catalog.stock_levels']),
    );
    for (const e of events)
      expect(e).toMatchObject({ actor_user_id: actor, application_name: 'b2b', source: 'application' });
    const history = await bed.admin<{ operation: string }>(
      `select operation from audit.events where tenant_id = $1 and table_name = 'orders.orders' and row_key ->> 'order_id' = $2`,
      [bed.world.tenantId, order.order_id],
    );
    expect(history.map((h) => h.operation)).toContain('insert');

    // physically: the tenant's shard of audit.events (and of orders.orders) is on one worker, which holds the rows
    const [placement] = await bed.admin<{ node: string; events_shard: string; orders_node: string }>(
      `select (select nodename || ':' || nodeport from citus_shards
                where shardid = get_shard_id_for_distribution_column('audit.events', $1::uuid)) as node,
              'audit.events_' || get_shard_id_for_distribution_column('audit.events', $1::uuid) as events_shard,
              (select nodename || ':' || nodeport from citus_shards
                where shardid = get_shard_id_for_distribution_column('orders.orders', $1::uuid)) as orders_node`,
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

  test('the sealing job and verify run on the tenant’s node; another tenant reads none of the events', async () => {
    const sealed = await bed.adminValue<number>('select audit.seal($1)', [bed.world.tenantId]);
    expect(sealed).toBeGreaterThan(0);
    expect(await bed.admin('select * from audit.verify($1)', [bed.world.tenantId])).toEqual([]);
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
});
