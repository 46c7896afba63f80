// `pnpm bench orders --citus`: the orders fixture on a throwaway Citus cluster (a coordinator and two
// workers on this machine, started, migrated, distributed and stopped by the run), so the same workload
// runs against it beside the single node. On one machine the three servers share its cores: the figure
// is what distribution costs (a hop from the coordinator to the worker per call, three servers' work on
// the same CPUs), not what it gains with a machine per worker.
import { migrate } from '@b2b/migrate';
import { withClient } from '@b2b/testing';
import { ensureDistributedDatabase, nodeUrl, startThrowawayCitusCluster } from '@b2b/testing/citus';
import { SQL_DIR } from '../../dev-database';
import { FIXTURE, loadOrdersFixture, ORDERS_DATABASE, type OrdersFixture } from './orders-fixture';

/** The first port the bench's Citus cluster tries (coordinator; workers on the next free ones). */
export const BENCH_CITUS_PORT = 6470;

export interface CitusOrdersDatabase {
  adminUrl: string;
  appUrl: string;
  fixture: OrdersFixture;
  /** e.g. "2 workers; the 4 tenants on 127.0.0.1:6471 (3), 127.0.0.1:6472 (1)". */
  layout: string;
}

/**
 * Starts the cluster with durable settings (as the development cluster runs: fsync and synchronous_commit
 * on, not the test clusters' fsync off), migrates and distributes, loads the fixture; stops and deletes it
 * all when `fn` returns.
 */
export async function withCitusOrdersDatabase<T>(
  port: number,
  say: (line: string) => void,
  fn: (db: CitusOrdersDatabase) => Promise<T>,
): Promise<T> {
  say(`citus: starting a throwaway cluster (coordinator and 2 workers from port ${port})`);
  const cluster = await startThrowawayCitusCluster(say, port, { ephemeral: false });
  try {
    const [coordinator] = cluster.nodes;
    if (!coordinator) throw new Error('the Citus cluster has no coordinator');
    await ensureDistributedDatabase(cluster, ORDERS_DATABASE);
    const adminUrl = nodeUrl(coordinator, cluster.passwords, ORDERS_DATABASE);
    const appUrl = nodeUrl(coordinator, cluster.passwords, ORDERS_DATABASE, 'b2b_app');
    say('citus: migrating and distributing, loading the fixture');
    await migrate({ url: adminUrl, sqlDir: SQL_DIR, log: () => {} });
    const fixture = await loadOrdersFixture(adminUrl, FIXTURE);
    const { rows } = await withClient(adminUrl, (c) =>
      c.query<{ node: string; tenants: number }>(
        `select s.nodename || ':' || s.nodeport as node, count(*)::int as tenants
           from tenancy.tenants t
           join citus_shards s on s.shardid = get_shard_id_for_distribution_column('orders.orders', t.tenant_id)
          group by 1 order by 1`,
      ),
    );
    const layout = `${cluster.nodes.length - 1} workers; the ${fixture.variants.size} tenants on ${rows.map((r) => `${r.node} (${r.tenants})`).join(', ')}`;
    return await fn({ adminUrl, appUrl, fixture, layout });
  } finally {
    await cluster.stop();
  }
}
