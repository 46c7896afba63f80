// The runbook of docs/scaling.md ("Moving a single-node database onto Citus"), timed: a database migrated
// and loaded with the large seed profile (or a share of its tenants) on a plain server; beside it a Citus
// cluster migrated from zero (the migrator creates and distributes the schema, as for `pnpm db:citus up`);
// then every table's rows copied across with triggers off. Per-tenant counts and checksums of every tenant
// table on both must match; three platform reports (fan-out queries) are timed on both.
//
// Why not distribute the single node's tables in place (create extension citus, add workers,
// create_distributed_table on each): the functions, types and trigger functions created before the citus
// extension existed are not on the workers, and Citus does not carry them over when it distributes a table
// (tried: "function app.canonical_text(text) does not exist" from a worker, for a check constraint of
// tenancy.tenants). Migrating the cluster from zero creates every object on every node.
import { pipeline } from 'node:stream/promises';
import { migrate, readDomains } from '@b2b/migrate';
import { databaseUrl, withClient } from '@b2b/testing';
import { ensureDistributedDatabase, nodeUrl, startThrowawayCitusCluster } from '@b2b/testing/citus';
import { startThrowawayCluster } from '@b2b/testing/provider';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { SQL_DIR } from '../dev-database';
import { LARGE_SCALE, largeRowCount, loadLarge } from '../seed-large';
import { compareSnapshots, takeSnapshot, tenantTables } from './tenant-checksums';

export const MOVE_DATABASE = 'b2b_move_drill';

export interface MoveDrillOptions {
  /** Tenants of the large profile to load (100: the whole profile). */
  tenants: number;
  port: number;
  say: (line: string) => void;
}

/** Platform reports over every tenant: what cross-tenant analytics cost before and after. */
export const REPORTS: { name: string; sql: string }[] = [
  {
    name: 'stock per tenant (grouped by tenant_id: pushed down to every shard)',
    sql: 'select tenant_id, count(*), sum(on_hand) from catalog.stock_levels group by tenant_id',
  },
  {
    name: 'the 10 highest prices over all tenants (ORDER BY ... LIMIT: per shard, merged)',
    sql: 'select tenant_id, variant_id, unit_price from catalog.prices order by unit_price desc, variant_id limit 10',
  },
  {
    name: 'distinct (currency, price list) pairs over all tenants (count distinct)',
    sql: 'select count(distinct (currency, price_list_id)) from catalog.prices',
  },
];

const seconds = (t: number) => (performance.now() - t) / 1000;

/** Each report 3 times; the median wall time in ms, seen from the client. */
async function timeReports(c: pg.ClientBase): Promise<number[]> {
  const result: number[] = [];
  for (const report of REPORTS) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await c.query(report.sql);
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    result.push(runs[1] ?? Number.NaN);
  }
  return result;
}

/** The tables of the domain schemas: name and the columns COPY can write (not generated ones). */
async function domainTables(
  c: pg.ClientBase,
  domains: string[],
): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await c.query<{ name: string; columns: string[] }>(
    `select c.oid::regclass::text as name,
            array(select quote_ident(a.attname) from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum)::text[] as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any ($1) and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
    [domains],
  );
  return rows;
}

async function rowCount(c: pg.ClientBase, table: string): Promise<number> {
  const { rows } = await c.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0]?.n);
}

/**
 * One table from the single node into the coordinator: COPY ... TO STDOUT streamed into COPY ... FROM
 * STDIN, in a transaction with `SET LOCAL session_replication_role = replica`, which Citus carries to the
 * workers (citus.propagate_set_commands = 'local'): no trigger fires on the shards (the stock journal
 * would write its rows a second time; the insert guards would stamp new times), and no foreign key
 * trigger checks what arrives in any order. The checksums afterwards are the check.
 */
async function copyTable(
  from: pg.ClientBase,
  to: pg.ClientBase,
  table: { name: string; columns: string[] },
): Promise<void> {
  const cols = table.columns.join(', ');
  await to.query('begin');
  try {
    await to.query('set local session_replication_role = replica');
    const source = from.query(copyTo(`copy (select ${cols} from only ${table.name}) to stdout`));
    const target = to.query(copyFrom(`copy ${table.name} (${cols}) from stdin`));
    await pipeline(source, target);
    await to.query('commit');
  } catch (error) {
    await to.query('rollback').catch(() => {});
    throw new Error(`copying ${table.name}: ${(error as Error).message}`);
  }
}

export async function runMoveDrill(options: MoveDrillOptions): Promise<boolean> {
  const { say } = options;
  const steps: { step: string; command: string; seconds: number }[] = [];
  const step = async <T>(name: string, command: string, fn: () => Promise<T>): Promise<T> => {
    say(`${name} (${command})`);
    const t = performance.now();
    const result = await fn();
    steps.push({ step: name, command, seconds: seconds(t) });
    say(`  ${seconds(t).toFixed(1)} s`);
    return result;
  };
  const scale = { ...LARGE_SCALE, tenants: options.tenants };
  say(
    `the large seed profile with ${options.tenants} of its ${LARGE_SCALE.tenants} tenants: ${largeRowCount(scale).toLocaleString('en')} rows`,
  );
  const domains = readDomains(SQL_DIR);
  const single = await step('single node: start a server', 'pnpm db:up', () =>
    startThrowawayCluster({ port: options.port + 20, durable: true }),
  );
  try {
    await withClient(single.url, (c) => c.query(`create database ${MOVE_DATABASE}`));
    const singleUrl = databaseUrl(single.url, MOVE_DATABASE);
    await step('single node: migrate', 'pnpm db:migrate', () =>
      migrate({ url: singleUrl, sqlDir: SQL_DIR, log: () => {} }),
    );
    await step('single node: load the seed', 'pnpm db:seed --profile large', () =>
      withClient(singleUrl, (c) => loadLarge(c, () => {}, { scale, progress: false })),
    );
    const cluster = await step(
      'Citus: start a coordinator and two workers (citus preloaded, durable settings)',
      'pnpm db:citus up: its servers',
      () => startThrowawayCitusCluster(say, options.port, { ephemeral: false }),
    );
    try {
      const [coordinator] = cluster.nodes;
      if (!coordinator) throw new Error('the Citus cluster has no coordinator');
      const citusUrl = nodeUrl(coordinator, cluster.passwords, MOVE_DATABASE);
      await step(
        'Citus: the distributed database (citus extension on every node, workers added, login roles)',
        'pnpm db:citus up: ensureDistributedDatabase',
        () => ensureDistributedDatabase(cluster, MOVE_DATABASE),
      );
      await step(
        'Citus: migrate from zero (creates and distributes every table and function)',
        'pnpm db:migrate',
        () => migrate({ url: citusUrl, sqlDir: SQL_DIR, log: () => {} }),
      );
      return await withClient(singleUrl, (from) =>
        withClient(citusUrl, async (to) => {
          const all = await domainTables(from, domains);
          // tables the migrations fill (states, transitions, currencies...) are there already: compared, not copied
          const filled = new Set<string>();
          for (const t of all) if ((await rowCount(to, t.name)) > 0) filled.add(t.name);
          const tables = all.filter((t) => !filled.has(t.name));
          const tenant = await tenantTables(from, domains);
          let t = performance.now();
          const before = await takeSnapshot(from, '', tenant);
          say(
            `counted and checksummed ${tenant.length} tenant tables per tenant on the single node (${seconds(t).toFixed(1)} s)`,
          );
          const singleReports = await timeReports(from);
          await step(
            `copy the rows of ${tables.length} tables (not the ${filled.size} the migrations fill), one transaction each, triggers off`,
            'pg_dump --data-only | psql, inside begin; set local session_replication_role = replica; ... commit',
            async () => {
              for (const table of tables) {
                const t0 = performance.now();
                await copyTable(from, to, table);
                if (seconds(t0) > 5) say(`  ${table.name}: ${seconds(t0).toFixed(1)} s`);
              }
            },
          );
          await step('analyze', 'vacuumdb --analyze-only', () => to.query('analyze'));
          t = performance.now();
          const after = await takeSnapshot(to, '', tenant);
          say(`counted and checksummed again on Citus (${seconds(t).toFixed(1)} s)`);
          const mismatched: string[] = [];
          for (const name of filled) {
            const [a, b] = [await rowCount(from, name), await rowCount(to, name)];
            if (a !== b) mismatched.push(`${name}: ${a} rows on the single node, ${b} on Citus`);
          }
          const citusReports = await timeReports(to);
          const comparison = compareSnapshots(before, after, {
            acknowledgedPerTenant: new Map(),
            linesPerOrder: 0,
            historyPerOrder: 0,
          });
          say('');
          say('| step | command | seconds |');
          say('|---|---|---|');
          for (const s of steps) say(`| ${s.step} | \`${s.command}\` | ${s.seconds.toFixed(1)} |`);
          say('');
          say('| platform report | single node ms | Citus ms (coordinator + 2 workers) |');
          say('|---|---|---|');
          for (const [i, report] of REPORTS.entries())
            say(`| ${report.name} | ${singleReports[i]?.toFixed(1)} | ${citusReports[i]?.toFixed(1)} |`);
          say('');
          say(
            `${comparison.ok ? '✓' : '✗'} ${comparison.tables} tenant tables, ${comparison.tenantCells} (table, tenant) cells, ` +
              `${comparison.keptRows.toLocaleString('en')} rows: the same counts and checksums on the single node and on Citus`,
          );
          for (const p of comparison.problems.slice(0, 20)) say(`    ${p}`);
          say(
            `${mismatched.length ? '✗' : '✓'} the ${filled.size} tables the migrations fill hold the same row counts`,
          );
          for (const m of mismatched) say(`    ${m}`);
          return comparison.ok && mismatched.length === 0;
        }),
      );
    } finally {
      await cluster.stop();
    }
  } finally {
    await single.stop();
  }
}
