// The rebalancing drill (`pnpm drill:citus-rebalance`): on a throwaway Citus cluster (a coordinator and two
// workers, migrated, the orders fixture loaded), add a third worker and rebalance with
// citus_rebalance_start() while orders keep being placed, then isolate the largest tenant onto a shard of
// its own (isolate_tenant_to_new_shard ... CASCADE) and move it to a fourth worker of its own; prove with
// per-tenant counts and checksums of every distributed table (tenant-checksums.ts) that no row was lost
// or duplicated, that the orders the placers were told were committed are there and complete, and that
// the isolated tenant's queries are still routed to one node. See docs/scaling.md.
import { migrate } from '@b2b/migrate';
import { withClient } from '@b2b/testing';
import {
  type CitusNode,
  ensureDistributedDatabase,
  nodeUrl,
  startThrowawayCitusCluster,
} from '@b2b/testing/citus';
import type pg from 'pg';
import { LINES_PER_ORDER } from '../bench/suites/orders';
import { type FixtureSizes, loadOrdersFixture, type OrdersFixture } from '../bench/suites/orders-fixture';
import { SQL_DIR } from '../dev-database';
import { type OrderLoadResult, startOrderLoad } from './order-load';
import { compareSnapshots, creditExposureDrift, type Snapshot, takeSnapshot } from './tenant-checksums';

export const TRANSFER_MODES = ['block_writes', 'auto', 'force_logical'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

export const REBALANCE_DATABASE = 'b2b_rebalance_drill';

export type RebalanceProfile = 'full' | 'fast' | 'ci';

/** Fixture sizes: the full drill's, the fast variant's, and CI's (a few tenants with a small catalog). */
export const REBALANCE_FIXTURE: Record<RebalanceProfile, FixtureSizes> = {
  full: {
    tenants: 12,
    companiesPerTenant: 10,
    buyersPerCompany: 2,
    productsPerTenant: 2_000,
    variantsPerProduct: 2,
    onHand: 1_000_000,
  },
  fast: {
    tenants: 6,
    companiesPerTenant: 3,
    buyersPerCompany: 2,
    productsPerTenant: 100,
    variantsPerProduct: 2,
    onHand: 1_000_000,
  },
  ci: {
    // 16 tenants over 4 shard groups: the group the rebalancer moves holds a tenant but in 1 run of 100
    tenants: 16,
    companiesPerTenant: 2,
    buyersPerCompany: 2,
    productsPerTenant: 20,
    variantsPerProduct: 2,
    onHand: 1_000_000,
  },
};

/**
 * Shard groups per profile (citus.shard_count of the drill's database; the cluster's own setting is 12).
 * CI's 4 on two workers (2 + 2) make the rebalancer move one group to the third worker: a move costs
 * about a minute on this machine whatever its rows (creating 35 shard tables on the target), so fewer
 * groups is what makes the drill short, and one move proves the same as four.
 */
export const REBALANCE_SHARD_COUNT: Record<RebalanceProfile, number | undefined> = {
  full: undefined,
  fast: undefined,
  ci: 4,
};

export interface RebalanceDrillOptions {
  profile: RebalanceProfile;
  /** Concurrent order placers during the move (0: none). */
  placers: number;
  /** Seconds of orders before the "before" snapshot, so the order tables hold rows to move. */
  warmupSeconds: number;
  /** Isolate the largest tenant onto a fourth worker after the rebalance. */
  isolate: boolean;
  /** First port of the throwaway cluster (coordinator; workers on the next free ones). */
  port: number;
  /**
   * How shards are copied: block_writes (the default here: COPY, writes to the moving shard group wait)
   * or auto / force_logical (logical replication, which never catches up on our FORCE ROW LEVEL SECURITY
   * tables while they are written: see docs/scaling.md; the drill then fails on its stall timeout).
   */
  transferMode: TransferMode;
  /** Seconds without a finished task before the drill stops the job and fails. */
  stallSeconds: number;
  say: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const n = (v: number) => v.toLocaleString('en');
const secondsSince = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

interface Placement {
  node: string;
  shardGroups: number;
}

/** Shard groups (shards of the anchor table, orders.orders) per worker. */
async function placements(c: pg.ClientBase): Promise<Placement[]> {
  const { rows } = await c.query<{ node: string; groups: number }>(
    `select n.nodename || ':' || n.nodeport as node, count(s.shardid)::int as groups
       from pg_dist_node n
       left join citus_shards s on s.nodename = n.nodename and s.nodeport = n.nodeport
                               and s.table_name = 'orders.orders'::regclass
      where n.groupid <> 0 and n.noderole = 'primary'
      group by n.nodeid, 1 order by n.nodeid`,
  );
  return rows.map((r) => ({ node: r.node, shardGroups: r.groups }));
}

/** The node that holds each tenant's rows. */
async function tenantNodes(c: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await c.query<{ tenant: string; node: string }>(
    `select t.tenant_id::text as tenant, s.nodename || ':' || s.nodeport as node
       from tenancy.tenants t
       join citus_shards s on s.shardid = get_shard_id_for_distribution_column('orders.orders', t.tenant_id)`,
  );
  return new Map(rows.map((r) => [r.tenant, r.node]));
}

interface RebalanceStatus {
  state: string;
  done: number;
  total: number;
  running: string[];
}

async function rebalanceStatus(c: pg.ClientBase, jobId: string): Promise<RebalanceStatus> {
  const { rows } = await c.query<{
    state: string;
    details: { tasks?: { state?: string; command?: string }[] };
  }>(`select state, details from citus_rebalance_status() where job_id = $1`, [jobId]);
  const row = rows[0];
  if (!row) throw new Error(`citus_rebalance_status() does not know job ${jobId}`);
  // details.tasks lists the tasks that run now; the counts come from the job's task table
  const { rows: counts } = await c.query<{ done: number; total: number }>(
    `select count(*) filter (where status = 'done')::int as done, count(*)::int as total
       from pg_dist_background_task where job_id = $1`,
    [jobId],
  );
  const running = (row.details?.tasks ?? [])
    .filter((t) => t.state === 'running')
    .map((t) => (t.command ?? '').replace(/\s+/g, ' ').slice(0, 110));
  return { state: row.state, done: counts[0]?.done ?? 0, total: counts[0]?.total ?? 0, running };
}

/**
 * citus_rebalance_start(), then its status every second until the job ends. A job whose task count has
 * not moved for `stallSeconds` is stopped (citus_rebalance_stop) and reported.
 */
async function rebalance(
  c: pg.ClientBase,
  options: RebalanceDrillOptions,
  placed: () => number,
): Promise<{ jobId: string; seconds: number; tasks: number }> {
  const { say } = options;
  const started = performance.now();
  const { rows } = await c.query<{ job: string | null }>(
    'select citus_rebalance_start(shard_transfer_mode => $1::citus.shard_transfer_mode)::text as job',
    [options.transferMode],
  );
  const jobId = rows[0]?.job;
  if (!jobId) throw new Error('citus_rebalance_start() planned no move: the cluster is already balanced');
  say(`  citus_rebalance_start(shard_transfer_mode => '${options.transferMode}'): job ${jobId}`);
  let last = '';
  let lastDone = -1;
  let progressAt = performance.now();
  for (;;) {
    const status = await rebalanceStatus(c, jobId);
    const line = `  ${status.state}: ${status.done}/${status.total} tasks done${status.running.length ? `; running: ${status.running.join(' | ')}` : ''}`;
    if (line !== last) {
      say(`${line} (${secondsSince(started)} s, ${n(placed())} orders placed so far)`);
      last = line;
    }
    if (status.done !== lastDone) {
      lastDone = status.done;
      progressAt = performance.now();
    }
    if (['finished', 'failed', 'cancelled', 'failing', 'cancelling'].includes(status.state)) {
      if (status.state !== 'finished') {
        const { rows: errors } = await c.query<{ message: string }>(
          `select coalesce(message, '') as message from pg_dist_background_task where job_id = $1 and status in ('error', 'cancelled')`,
          [jobId],
        );
        throw new Error(`the rebalance ended ${status.state}: ${errors.map((e) => e.message).join(' | ')}`);
      }
      return { jobId, seconds: (performance.now() - started) / 1000, tasks: status.total };
    }
    if (performance.now() - progressAt > options.stallSeconds * 1000) {
      // a failed task waits to be retried (status runnable) with its last error in message
      const { rows: failures } = await c.query<{ message: string }>(
        `select format('task %s (%s retries): %s', task_id, coalesce(retry_count, 0), message) as message
           from pg_dist_background_task where job_id = $1 and coalesce(message, '') <> ''`,
        [jobId],
      );
      await c.query('select citus_rebalance_stop()');
      throw new Error(
        `the rebalance made no progress for ${options.stallSeconds} s (${status.running.join(' | ') || 'no task running'}); stopped it. ` +
          (failures.length ? `Last errors: ${failures.map((f) => f.message).join(' | ')}. ` : '') +
          `With shard_transfer_mode ${options.transferMode}: a logical move of a table with FORCE ROW LEVEL SECURITY never catches up ` +
          '(the worker log says "cannot replicate into relation with row-level security enabled"): see docs/scaling.md',
      );
    }
    await sleep(1000);
  }
}

/** The tenant with the most order rows (before the run), to isolate. */
async function largestTenant(c: pg.ClientBase): Promise<string> {
  const { rows } = await c.query<{ tenant: string }>(
    `select tenant_id::text as tenant from orders.order_lines group by 1 order by count(*) desc, 1 limit 1`,
  );
  const { rows: any } = await c.query<{ tenant: string }>(
    `select tenant_id::text as tenant from tenancy.tenants order by 1 limit 1`,
  );
  const tenant = rows[0]?.tenant ?? any[0]?.tenant;
  if (!tenant) throw new Error('no tenant to isolate');
  return tenant;
}

interface Isolation {
  tenant: string;
  shardId: string;
  to: string;
  splitSeconds: number;
  moveSeconds: number;
  aloneOnNode: boolean;
  taskCount: number;
  taskNode: string;
}

/**
 * isolate_tenant_to_new_shard(..., 'CASCADE') splits the tenant's hash value out of its shard in every
 * colocated table; citus_move_shard_placement moves that shard group to `target`, which holds nothing else
 * of the distributed tables. Then a routed read of the tenant must be one task, on that node.
 */
async function isolateTenant(
  c: pg.ClientBase,
  tenant: string,
  target: CitusNode,
  options: RebalanceDrillOptions,
): Promise<Isolation> {
  const { say } = options;
  let t = performance.now();
  const { rows } = await c.query<{ shard: string }>(
    `select isolate_tenant_to_new_shard('orders.orders', $1::uuid, 'CASCADE', shard_transfer_mode => $2::citus.shard_transfer_mode)::text as shard`,
    [tenant, options.transferMode],
  );
  const shardId = rows[0]?.shard;
  if (!shardId) throw new Error('isolate_tenant_to_new_shard returned nothing');
  const splitSeconds = (performance.now() - t) / 1000;
  say(
    `  isolate_tenant_to_new_shard('orders.orders', '${tenant}', 'CASCADE'): shard ${shardId} (${splitSeconds.toFixed(1)} s)`,
  );
  const { rows: from } = await c.query<{ host: string; port: number }>(
    `select nodename as host, nodeport as port from citus_shards where shardid = $1`,
    [shardId],
  );
  const source = from[0];
  if (!source) throw new Error(`shard ${shardId} has no placement`);
  t = performance.now();
  await c.query(
    `select citus_move_shard_placement($1, $2, $3, '127.0.0.1', $4, shard_transfer_mode => $5::citus.shard_transfer_mode)`,
    [shardId, source.host, source.port, target.port, options.transferMode],
  );
  const moveSeconds = (performance.now() - t) / 1000;
  say(
    `  citus_move_shard_placement(${shardId}, ${source.host}:${source.port} -> 127.0.0.1:${target.port}) (${moveSeconds.toFixed(1)} s)`,
  );
  const { rows: alone } = await c.query<{ others: number }>(
    `select count(*)::int as others from citus_shards s
       join pg_dist_partition p on p.logicalrelid = s.table_name and p.partmethod = 'h'
      where s.nodeport = $1 and s.shardid not in (
        select shardid from pg_dist_shard where shardminvalue = (select shardminvalue from pg_dist_shard where shardid = $2)
                                             and shardmaxvalue = (select shardmaxvalue from pg_dist_shard where shardid = $2))`,
    [target.port, shardId],
  );
  const { rows: plan } = await c.query<{ 'QUERY PLAN': string }>(
    `explain (costs off) select count(*) from orders.order_lines where tenant_id = '${tenant}'`,
  );
  const text = plan.map((r) => r['QUERY PLAN']).join('\n');
  return {
    tenant,
    shardId,
    to: `127.0.0.1:${target.port}`,
    splitSeconds,
    moveSeconds,
    aloneOnNode: alone[0]?.others === 0,
    taskCount: Number(/Task Count: (\d+)/.exec(text)?.[1] ?? Number.NaN),
    taskNode: /Node: host=(\S+) port=(\d+)/.exec(text)?.slice(1, 3).join(':') ?? '?',
  };
}

/** The run's orders in the database by idempotency key, and each one's tenant. */
async function runOrders(c: pg.ClientBase, prefix: string): Promise<Map<string, string>> {
  const { rows } = await c.query<{ key: string; tenant: string }>(
    `select idempotency_key as key, tenant_id::text as tenant from orders.orders where idempotency_key like $1`,
    [`${prefix}-%`],
  );
  return new Map(rows.map((r) => [r.key, r.tenant]));
}

function describePlacements(label: string, list: Placement[]): string {
  return `${label}: ${list.map((p) => `${p.node} ${p.shardGroups}`).join(', ')} (shard groups per worker)`;
}

export async function runRebalanceDrill(options: RebalanceDrillOptions): Promise<boolean> {
  const { say } = options;
  const drillStarted = performance.now();
  const sizes = REBALANCE_FIXTURE[options.profile];
  const shardCount = REBALANCE_SHARD_COUNT[options.profile];
  say(
    `starting a throwaway Citus cluster (coordinator and 2 workers from port ${options.port}; spare workers kept in reserve)`,
  );
  const cluster = await startThrowawayCitusCluster(say, options.port, {
    spareWorkers: options.isolate ? 2 : 1,
  });
  try {
    const [coordinator] = cluster.nodes;
    if (!coordinator) throw new Error('the Citus cluster has no coordinator');
    say(`cluster started in ${secondsSince(drillStarted)} s`);
    let t = performance.now();
    await ensureDistributedDatabase(cluster, REBALANCE_DATABASE);
    say(`distributed database, workers added in ${secondsSince(t)} s`);
    const adminUrl = nodeUrl(coordinator, cluster.passwords, REBALANCE_DATABASE);
    const appUrl = nodeUrl(coordinator, cluster.passwords, REBALANCE_DATABASE, 'b2b_app');
    if (shardCount) {
      // read by create_distributed_table when the migrator distributes each table: this database only
      await withClient(adminUrl, (c) =>
        c.query(`alter database ${REBALANCE_DATABASE} set citus.shard_count = ${shardCount}`),
      );
      say(`citus.shard_count = ${shardCount} for ${REBALANCE_DATABASE} (${options.profile} profile)`);
    }
    t = performance.now();
    await migrate({ url: adminUrl, sqlDir: SQL_DIR, log: () => {} });
    say(`migrated and distributed in ${secondsSince(t)} s`);
    t = performance.now();
    const fixture: OrdersFixture = await loadOrdersFixture(adminUrl, sizes);
    say(`${fixture.summary} (${secondsSince(t)} s)`);
    const prefix = `rebalance-${Date.now().toString(36)}`;

    return await withClient(adminUrl, async (c) => {
      if (options.placers && options.warmupSeconds) {
        const warm = startOrderLoad({
          appUrl,
          fixture,
          clients: options.placers,
          prefix: `before-${prefix}`,
        });
        await sleep(options.warmupSeconds * 1000);
        const result = await warm.stop();
        say(
          `orders placed before the move: ${n(result.acknowledged.length)} in ${result.seconds.toFixed(1)} s` +
            (result.failed.length ? `, ${result.failed.length} failed: ${result.failed[0]?.error}` : ''),
        );
        if (result.failed.length) throw new Error('orders fail on this cluster before anything moves');
      }
      t = performance.now();
      const before: Snapshot = await takeSnapshot(c, '');
      // audit events from here on are the run's (tenant-checksums.ts, APPEND_ONLY)
      const runStartedAt: string = (await c.query(`select clock_timestamp()::text as at`)).rows[0].at;
      say(
        `before: ${before.size} distributed tables counted and checksummed per tenant (${secondsSince(t)} s)`,
      );
      const nodesBefore = await tenantNodes(c);
      say(describePlacements('before', await placements(c)));

      t = performance.now();
      const third = await cluster.startSpareWorker();
      await ensureDistributedDatabase(cluster, REBALANCE_DATABASE);
      say(`added a third worker: 127.0.0.1:${third.port} (citus_add_node; ${secondsSince(t)} s)`);

      // The placers run each order with withTenant's retryShardMoves: a call Citus refuses as its shard group
      // moves away (ShardMovingError, rolled back) is placed again with the same idempotency key.
      const load = options.placers
        ? startOrderLoad({
            appUrl,
            fixture,
            clients: options.placers,
            prefix,
            transaction: { retryShardMoves: true },
          })
        : undefined;
      if (load) say(`placing orders with ${options.placers} clients during the move (retryShardMoves)`);
      const job = await rebalance(c, options, () => load?.placed() ?? 0);
      say(`rebalanced: ${job.tasks} tasks in ${job.seconds.toFixed(1)} s`);
      say(describePlacements('after the rebalance', await placements(c)));

      let isolation: Isolation | undefined;
      if (options.isolate) {
        const tenant = await largestTenant(c);
        const fourth = await cluster.startSpareWorker();
        await ensureDistributedDatabase(cluster, REBALANCE_DATABASE);
        say(`isolating the largest tenant ${tenant} onto a fourth worker 127.0.0.1:${fourth.port}`);
        isolation = await isolateTenant(c, tenant, fourth, options);
      }

      let result: OrderLoadResult | undefined;
      if (load) {
        await sleep(500);
        result = await load.stop();
        say(
          `orders during the move: ${n(result.acknowledged.length)} acknowledged, ${n(result.failed.length)} refused, in ${result.seconds.toFixed(1)} s`,
        );
      }

      t = performance.now();
      const after = await takeSnapshot(c, prefix, undefined, runStartedAt);
      const nodesAfter = await tenantNodes(c);
      say(`after: counted and checksummed again (${secondsSince(t)} s)`);
      const present = await runOrders(c, prefix);
      const acknowledged = new Set(result?.acknowledged.map((o) => o.idempotencyKey) ?? []);
      const missing = [...acknowledged].filter((k) => !present.has(k));
      const unexpected = [...present.keys()].filter((k) => !acknowledged.has(k));
      const acknowledgedPerTenant = new Map<string, number>();
      for (const [key, tenant] of present) {
        if (acknowledged.has(key))
          acknowledgedPerTenant.set(tenant, (acknowledgedPerTenant.get(tenant) ?? 0) + 1);
      }
      const comparison = compareSnapshots(before, after, {
        acknowledgedPerTenant,
        linesPerOrder: LINES_PER_ORDER,
        historyPerOrder: 2,
      });
      const moved = new Set(
        [...nodesBefore].filter(([tenant, node]) => nodesAfter.get(tenant) !== node).map(([t]) => t),
      );
      const movedTenants = moved.size;
      // orders of the run (acknowledged, so placed while the moves ran) for tenants whose shard group moved
      const ordersOfMoved = [...present].filter(
        ([key, tenant]) => acknowledged.has(key) && moved.has(tenant),
      ).length;
      const movedWhilePlacing = !options.placers || ordersOfMoved > 0;

      const mark = (ok: boolean) => (ok ? '✓' : '✗');
      say('');
      say(
        `${mark(comparison.ok)} ${comparison.tables} distributed tables, ${n(comparison.tenantCells)} (table, tenant) cells: ` +
          `${n(comparison.keptRows)} rows there before, all there after with the same checksums; ${n(comparison.runRows)} rows of orders placed during the move`,
      );
      for (const p of comparison.problems.slice(0, 20)) say(`    ${p}`);
      if (comparison.problems.length > 20) say(`    ... and ${comparison.problems.length - 20} more`);
      // the derived tables, left out of the checksums, against what they derive from
      const drift = await creditExposureDrift(c);
      say(
        `${mark(drift.drifted.length === 0)} credit exposures equal their orders and ledger: ${n(drift.companies)} companies` +
          (drift.drifted.length
            ? `, ${drift.drifted.length} differ (${drift.drifted.slice(0, 3).join(', ')})`
            : ''),
      );
      say(`${mark(missing.length === 0)} acknowledged orders missing: ${missing.length}`);
      say(
        `${mark(unexpected.length === 0)} orders present that the placers were not told were committed: ${unexpected.length}`,
      );
      // A call delegated to a worker while its shard group moves away can be refused ("cannot execute a
      // distributed query from a query on a shard"): the transaction is rolled back and the placers retry
      // it (ShardMovingError, retryShardMoves). What still failed after the retries is reported, not a
      // failure of the drill, as long as none of them left a row (`unexpected`).
      const failed = result?.failed ?? [];
      const reasons = [...new Set(failed.map((f) => f.error))].slice(0, 3).join(' | ');
      say(
        `${failed.length ? '!' : '✓'} orders refused during the move (rolled back, none left a row): ${failed.length}${failed.length ? ` (${reasons})` : ''}`,
      );
      const retries = result?.retries ?? [];
      const retried = new Set(retries.map((r) => r.idempotencyKey));
      const retriedAndPlaced = [...retried].filter((k) => acknowledged.has(k)).length;
      const retryReasons = [...new Set(retries.map((r) => r.error.slice(0, 140)))].slice(0, 3).join(' | ');
      say(
        `  transactions retried (withTenant retryShardMoves): ${retried.size} orders, ${retries.length} retries; ` +
          `${retriedAndPlaced} of them then committed${retries.length ? ` (${retryReasons})` : ''}`,
      );
      say(
        `${mark(movedWhilePlacing)} tenants on another node than before: ${movedTenants} of ${nodesBefore.size}; ` +
          `${n(ordersOfMoved)} orders of theirs acknowledged during the run`,
      );
      let isolationOk = true;
      if (isolation) {
        isolationOk =
          isolation.aloneOnNode && isolation.taskCount === 1 && isolation.taskNode === isolation.to;
        say(
          `${mark(isolation.aloneOnNode)} tenant ${isolation.tenant}: its shard group ${isolation.shardId} alone on ${isolation.to}`,
        );
        say(
          `${mark(isolation.taskCount === 1 && isolation.taskNode === isolation.to)} its routed read is ${isolation.taskCount} task on ${isolation.taskNode}`,
        );
      }
      say(`drill: ${secondsSince(drillStarted)} s in all`);
      return (
        comparison.ok &&
        drift.drifted.length === 0 &&
        missing.length === 0 &&
        unexpected.length === 0 &&
        isolationOk &&
        movedWhilePlacing
      );
    });
  } finally {
    await cluster.stop();
  }
}
