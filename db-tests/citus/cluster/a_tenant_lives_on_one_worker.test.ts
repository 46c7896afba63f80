// How a tenant maps to a node (docs/scaling.md): its shard of every colocated table has one placement, on
// one worker, the same worker for every tenant table. Also proves freshTenant() gives each file its own tenant.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

const db = citusTestDatabase();

describe('a tenant on the Citus cluster', () => {
  test('freshTenant gives a new tenant each call', async () => {
    const [a, b] = await Promise.all([freshTenant('placement a'), freshTenant('placement b')]);
    expect(a.tenantId).not.toBe(b.tenantId);
    expect(a.slug).toMatch(/^placement-a-[0-9a-f]{8}$/);
  });

  test("every tenant table's shard for a tenant is on the same single worker", async () => {
    const { tenantId } = await freshTenant('placement');
    await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query<{ table_name: string; nodes: string[] }>(
        `select p.logicalrelid::regclass::text as table_name,
                array_agg(distinct s.nodename || ':' || s.nodeport) as nodes
           from pg_dist_partition p
           join citus_shards s
             on s.shardid = get_shard_id_for_distribution_column(p.logicalrelid, $1::uuid)
          where p.partmethod = 'h' and p.partkey is not null
          group by 1`,
        [tenantId],
      );
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) expect(row.nodes, row.table_name).toHaveLength(1);
      const nodes = new Set(rows.flatMap((r) => r.nodes));
      expect([...nodes], 'all tenant tables of the tenant on one worker').toHaveLength(1);
      expect(db.workerAdminUrls.map((u) => `127.0.0.1:${new URL(u).port}`)).toContain([...nodes][0]);
    });
  });
});
