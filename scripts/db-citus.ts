// `pnpm db:citus up|down|status`: a local Citus cluster (a coordinator and two workers on loopback, data in
// .data/citus/), migrated and distributed by the migrator, seeded with the demo world; see docs/scaling.md.
import { migrate } from '@b2b/migrate';
import { SQL_DIR, withClient } from '@b2b/testing';
import {
  CITUS_DATABASE,
  CITUS_ROOT,
  citusClusterState,
  ensureCitusInstalled,
  ensureDistributedDatabase,
  nodeUrl,
  startCitusCluster,
  stopCitusCluster,
} from '@b2b/testing/citus';
import { findPgBinaries, installHint } from '@b2b/testing/provider';
import { loadCitusDemo } from './lib/citus-seed';
import { log, main } from './lib/cli';

const PREFERRED_PORT = 6400;
const USAGE = 'usage: pnpm db:citus up|down|status';

async function up(): Promise<void> {
  const cluster = await startCitusCluster({
    root: CITUS_ROOT,
    preferredPort: PREFERRED_PORT,
    ephemeral: false,
    say: log,
  });
  const [coordinator] = cluster.nodes;
  if (!coordinator) throw new Error('the Citus cluster has no coordinator');
  for (const line of cluster.started) log(`started ${line}`);
  if (cluster.started.length === 0) log('the Citus cluster is already running');
  await ensureDistributedDatabase(cluster, CITUS_DATABASE);
  const adminUrl = nodeUrl(coordinator, cluster.passwords, CITUS_DATABASE);
  const appUrl = nodeUrl(coordinator, cluster.passwords, CITUS_DATABASE, 'b2b_app');
  const started = performance.now();
  const result = await migrate({ url: adminUrl, sqlDir: SQL_DIR });
  log(
    result.applied.length || result.repeatablesApplied.length
      ? `migrated and distributed: ${result.applied.length} versioned, ${result.repeatablesApplied.length} repeatable (${Math.round(performance.now() - started)} ms)`
      : 'migrations: up to date',
  );
  await seed({ adminUrl, appUrl });
  log('');
  log(
    `The Citus cluster is ready (coordinator and ${cluster.nodes.length - 1} workers, data in ${cluster.root}).`,
  );
  log(`  DATABASE_URL=${adminUrl}`);
  log(`  application role (RLS applies): ${appUrl}`);
  log(`  passwords: ${cluster.root}/passwords.json (0600); pnpm db:citus status, pnpm db:citus down`);
}

/** The demo profile (scripts/lib/citus-seed.ts); a failed world is reported, and the next `up` tries again. */
async function seed(target: { adminUrl: string; appUrl: string }): Promise<void> {
  const started = performance.now();
  try {
    const outcome = await loadCitusDemo(target, log);
    log(
      outcome === 'present'
        ? 'seed data: the demo world is already loaded'
        : `seed profile demo loaded in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (error) {
    log(
      `! the demo worlds did not load on Citus (rolled back; the tenants and staff are kept): ${(error as Error).message}`,
    );
    log('  the cluster is up, migrated and distributed; pnpm db:citus up tries the worlds again');
  }
}

async function down(): Promise<void> {
  const binaries = findPgBinaries();
  if (!binaries) throw new Error(installHint());
  const stopped = await stopCitusCluster(CITUS_ROOT, binaries);
  log(
    stopped.length
      ? `stopped the Citus cluster: ${stopped.join(', ')} (data kept in ${CITUS_ROOT}; pnpm db:citus up starts it again)`
      : 'the Citus cluster was not running',
  );
}

async function status(): Promise<void> {
  const binaries = ensureCitusInstalled(log);
  const state = await citusClusterState(CITUS_ROOT, binaries);
  if (!state) {
    log(`Citus cluster: none in ${CITUS_ROOT} (pnpm db:citus up creates it)`);
    return;
  }
  const allUp = state.running.every(Boolean);
  log(`Citus cluster: ${allUp ? 'running' : state.running.some(Boolean) ? 'partly running' : 'not running'}`);
  for (const [i, node] of state.nodes.entries()) {
    log(
      `  ${node.name.padEnd(12)} 127.0.0.1:${node.port}  ${state.running[i] ? 'running' : 'stopped'}  ${node.dataDir}`,
    );
  }
  const [coordinator] = state.nodes;
  if (!coordinator || !state.running[0]) return;
  const adminUrl = nodeUrl(coordinator, state.passwords, CITUS_DATABASE);
  log(`  DATABASE_URL=${adminUrl}`);
  await withClient(adminUrl, async (c) => {
    const { rows: nodes } = await c.query<{
      node: string;
      active: boolean;
      placements: number;
      tenants: number;
    }>(
      `select n.nodename || ':' || n.nodeport as node, n.isactive as active,
              count(p.placementid)::int as placements,
              count(p.placementid) filter (where t.partmethod = 'h')::int as tenants
         from pg_dist_node n
         left join pg_dist_placement p on p.groupid = n.groupid
         left join pg_dist_shard s on s.shardid = p.shardid
         left join pg_dist_partition t on t.logicalrelid = s.logicalrelid
        where n.noderole = 'primary'
        group by n.nodeid, n.nodename, n.nodeport, n.isactive
        order by n.nodeid`,
    );
    log('  nodes (shard placements: all / of distributed tables):');
    for (const n of nodes) {
      log(
        `    ${n.node.padEnd(18)} ${n.active ? 'active  ' : 'inactive'} ${String(n.placements).padStart(5)} / ${n.tenants}`,
      );
    }
    const { rows: tables } = await c.query<{ kind: string; tables: number }>(
      `select citus_table_type as kind, count(*)::int as tables from citus_tables group by 1 order by 1`,
    );
    log(`  tables: ${tables.map((t) => `${t.tables} ${t.kind}`).join(', ') || 'none distributed yet'}`);
  });
}

main(async () => {
  const command = process.argv[2];
  if (command === 'up') await up();
  else if (command === 'down') await down();
  else if (command === 'status') await status();
  else throw new Error(USAGE);
});
