// The crash drill: `kill -9` under order load, restart, then prove that nothing acknowledged was lost and
// that the database is consistent. On a throwaway cluster with DURABLE settings (fsync, synchronous_commit
// and full_page_writes on): the test harness's clusters run with synchronous_commit=off and fsync=off,
// where an acknowledged commit may still sit in WAL buffers (shared memory) when the processes die, so a
// crash drill there would prove nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPool, withTenant } from '@b2b/db';
import { reconcileStock } from '@b2b/orders';
import { withClient } from '@b2b/testing';
import { startCluster } from '@b2b/testing/provider';
import type pg from 'pg';
import { LINES_PER_ORDER } from '../bench/suites/orders';
import { type OrdersFixture, prepareOrdersDatabase } from '../bench/suites/orders-fixture';
import { startPlacers } from './order-placers';
import { type DrillDatabase, withDrillDatabase } from './throwaway';

export type KillTarget = 'postmaster' | 'backend';

export interface CrashDrillOptions {
  runs: number;
  placers: number;
  /** Seconds of load before the kill (the kill comes at a random moment in the second half). */
  seconds: number;
  /** What each run kills; `alternate`: the postmaster on odd runs, one backend on even runs. */
  kill: KillTarget | 'alternate';
  /** Negative control: synchronous_commit=off, where acknowledged commits can be lost. */
  unsafe: boolean;
  say: (line: string) => void;
}

export interface CrashRunResult {
  run: number;
  killed: string;
  loadSeconds: number;
  acknowledged: number;
  inDoubt: number;
  inDoubtCommitted: number;
  failed: number;
  present: number;
  missing: number;
  unexpectedPresent: number;
  incomplete: number;
  indexesChecked: number;
  indexErrors: string[];
  drift: number;
  recoverySeconds: number;
  errorsBeforeKill: string[];
  ok: boolean;
}

/** Orders acknowledged before the kill comes, at least. */
const MIN_ACKNOWLEDGED = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Pids whose parent is `pid` (the postmaster's backends and auxiliary processes), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the field after the parenthesised command: state, then ppid
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * kill -9 of the whole server: the postmaster first, then each of its processes, as a crash of the machine
 * would end them (killing the postmaster alone leaves backends running until they notice, and a restart
 * would wait for them). Returns what it killed.
 */
async function killServer(dataDir: string): Promise<string> {
  const pid = postmasterPid(dataDir);
  // Stopped first, so that it forks no backend between the listing of its children and the kill (one left
  // running would keep the old shared memory attached, and the restart would refuse to start).
  process.kill(pid, 'SIGSTOP');
  const children = childrenOf(pid);
  process.kill(pid, 'SIGKILL');
  for (const child of children) {
    try {
      process.kill(child, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const deadline = Date.now() + 10_000; [pid, ...children].some(alive); await sleep(20)) {
    if (Date.now() > deadline) throw new Error('server processes still alive 10 s after kill -9');
  }
  return `kill -9 of the postmaster and its ${children.length} processes`;
}

/** kill -9 of one backend running an order: the postmaster resets every backend and recovers by itself. */
async function killBackend(adminUrl: string): Promise<string> {
  const { rows } = await withClient(adminUrl, (c) =>
    c.query<{ pid: number }>(
      `select pid from pg_stat_activity where application_name = 'b2b-crash-drill' and state = 'active'
       order by random() limit 1`,
    ),
  );
  const pid = rows[0]?.pid;
  if (!pid) throw new Error('no active backend of the placers to kill');
  process.kill(pid, 'SIGKILL');
  return `kill -9 of one backend (pid ${pid}) in the middle of an order`;
}

/** Waits until the server accepts connections again (crash recovery done). */
async function waitForServer(adminUrl: string): Promise<void> {
  for (const deadline = Date.now() + 120_000; ; await sleep(100)) {
    try {
      await withClient(adminUrl, (c) => c.query('select 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the server did not come back: ${(error as Error).message}`);
    }
  }
}

async function count(c: pg.Client, sql: string, values: unknown[]): Promise<number> {
  const { rows } = await c.query<{ n: string }>(sql, values);
  return Number(rows[0]?.n);
}

/** Acknowledged orders present, complete (lines, allocations, stock movements, history); nothing unexpected. */
async function verifyOrders(
  adminUrl: string,
  prefix: string,
  outcomes: ReturnType<typeof startPlacers>['outcomes'],
) {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ key: string }>(
      'select idempotency_key as key from orders.orders where idempotency_key like $1',
      [`${prefix}-%`],
    );
    const present = new Set(rows.map((r) => r.key));
    const missing = [...outcomes.acknowledged].filter((k) => !present.has(k)).length;
    const unexpectedPresent = [...present].filter(
      (k) => !outcomes.acknowledged.has(k) && !outcomes.inDoubt.has(k),
    ).length;
    const inDoubtCommitted = [...outcomes.inDoubt].filter((k) => present.has(k)).length;
    // Every order of the run: placed, LINES_PER_ORDER lines, each line reserved in full by its allocations,
    // the order's stock movements reserving exactly its quantities, and its two history rows.
    const incomplete = await count(
      c,
      `select count(*) as n from orders.orders o
       where o.idempotency_key like $1 and (
         o.state <> 'placed'
         or (select count(*) from orders.order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.order_id) <> $2
         or exists (
           select from orders.order_lines l
           where l.tenant_id = o.tenant_id and l.order_id = o.order_id
             and l.quantity <> (select coalesce(sum(a.reserved_quantity), 0) from orders.order_allocations a
                                where a.tenant_id = l.tenant_id and a.order_id = l.order_id and a.variant_id = l.variant_id))
         or (select coalesce(sum(m.reserved_delta), 0) from catalog.stock_movements m
             where m.tenant_id = o.tenant_id and m.order_id = o.order_id and m.reason = 'order')
            <> (select sum(l.quantity) from orders.order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.order_id)
         or (select count(*) from orders.order_state_history h where h.tenant_id = o.tenant_id and h.order_id = o.order_id) <> 2)`,
      [`${prefix}-%`, LINES_PER_ORDER],
    );
    return { present: present.size, missing, unexpectedPresent, inDoubtCommitted, incomplete };
  });
}

/**
 * amcheck's bt_index_check (with heapallindexed) over every valid btree index of the database, catalogs
 * included. A partitioned table's index (relkind 'I', audit.events') has no storage of its own: amcheck
 * refuses it, and its partitions' indexes (relkind 'i') are checked instead.
 */
async function checkIndexes(adminUrl: string): Promise<{ checked: number; errors: string[] }> {
  return withClient(adminUrl, async (c) => {
    await c.query('create extension if not exists amcheck');
    const { rows } = await c.query<{ oid: number; name: string }>(
      `select c.oid::int as oid, c.oid::regclass::text as name
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_am am on am.oid = c.relam
       where am.amname = 'btree' and c.relkind = 'i' and i.indisvalid and i.indisready and c.relpersistence <> 't'
       order by 2`,
    );
    const errors: string[] = [];
    for (const r of rows) {
      try {
        await c.query('select bt_index_check($1::regclass, true)', [r.oid]);
      } catch (error) {
        errors.push(`${r.name}: ${(error as Error).message}`);
      }
    }
    return { checked: rows.length, errors };
  });
}

/** orders.reconcile_stock() for every tenant, as b2b_app: drifting (variant, warehouse) rows in all. */
async function reconcileAll(appUrl: string, fixture: OrdersFixture): Promise<number> {
  const pool = createPool({ connectionString: appUrl, max: 1 });
  try {
    let drift = 0;
    for (const tenantId of fixture.variants.keys()) {
      drift += (await withTenant(pool, { tenantId }, (client) => reconcileStock(client))).length;
    }
    return drift;
  } finally {
    await pool.end();
  }
}

async function oneRun(
  db: DrillDatabase,
  fixture: OrdersFixture,
  run: number,
  target: KillTarget,
  options: CrashDrillOptions,
  settings: string[],
): Promise<CrashRunResult> {
  const prefix = `crash-r${run}-${Date.now()}`;
  const pool = createPool({
    connectionString: db.appUrl,
    max: options.placers,
    applicationName: 'b2b-crash-drill',
  });
  // Idle pooled connections report the server's death as an 'error' event: expected here.
  pool.on('error', () => {});
  const placers = startPlacers(pool, fixture, options.placers, prefix);
  const loadMs = options.seconds * 1000 * (0.5 + Math.random() / 2);
  const started = performance.now();
  // A kill before anything was acknowledged would prove nothing: on a busy machine the first orders take
  // seconds (cold plans and caches), so the load runs until some are acknowledged (2 minutes at most).
  for (const deadline = Date.now() + 120_000; placers.outcomes.acknowledged.size < MIN_ACKNOWLEDGED; ) {
    if (Date.now() > deadline || placers.outcomes.unexpected.length) break;
    await sleep(50);
  }
  await sleep(loadMs);
  placers.expectErrors();
  const killedAt = performance.now();
  const killed = target === 'postmaster' ? await killServer(db.dataDir) : await killBackend(db.adminUrl);
  await placers.done;
  await pool.end().catch(() => {});
  const restartAt = performance.now();
  if (target === 'postmaster') {
    // pg_ctl waits 60 s; on a busy machine crash recovery can take longer, and the server goes on starting:
    // then waitForServer below waits for it.
    await startCluster({
      dataDir: db.dataDir,
      port: db.port,
      ephemeral: false,
      archive: false,
      extraSettings: settings,
    }).catch((error: Error) => {
      if (!/did not start in time/.test(error.message)) throw error;
    });
  }
  await waitForServer(db.adminUrl);
  // postmaster: from `pg_ctl start` to accepting connections (crash recovery included); backend: from the
  // moment every placer had seen its error, the postmaster's own reset and recovery.
  const recoverySeconds = (performance.now() - restartAt) / 1000;
  const orders = await verifyOrders(db.adminUrl, prefix, placers.outcomes);
  const indexes = await checkIndexes(db.adminUrl);
  const drift = await reconcileAll(db.appUrl, fixture);
  const { outcomes } = placers;
  const ok =
    outcomes.unexpected.length === 0 &&
    orders.missing === 0 &&
    orders.unexpectedPresent === 0 &&
    orders.incomplete === 0 &&
    indexes.errors.length === 0 &&
    drift === 0 &&
    outcomes.acknowledged.size > 0;
  return {
    run,
    killed,
    loadSeconds: (killedAt - started) / 1000,
    acknowledged: outcomes.acknowledged.size,
    inDoubt: outcomes.inDoubt.size,
    inDoubtCommitted: orders.inDoubtCommitted,
    failed: outcomes.failed.size,
    present: orders.present,
    missing: orders.missing,
    unexpectedPresent: orders.unexpectedPresent,
    incomplete: orders.incomplete,
    indexesChecked: indexes.checked,
    indexErrors: indexes.errors,
    drift,
    recoverySeconds,
    errorsBeforeKill: outcomes.unexpected,
    ok,
  };
}

function describeRun(r: CrashRunResult, runs: number): string[] {
  const n = (v: number) => v.toLocaleString('en');
  return [
    `run ${r.run}/${runs}: ${r.killed} after ${r.loadSeconds.toFixed(1)} s of load; accepting connections again after ${r.recoverySeconds.toFixed(1)} s of ${r.killed.startsWith('kill -9 of the postmaster') ? 'restart and crash recovery' : 'recovery'}`,
    `  orders: ${n(r.acknowledged)} acknowledged, ${n(r.inDoubt)} in doubt (${n(r.inDoubtCommitted)} of them committed), ` +
      `${n(r.failed)} failed; ${n(r.present)} present after restart`,
    `  ${r.missing === 0 ? '✓' : '✗'} acknowledged but missing: ${n(r.missing)}`,
    `  ${r.unexpectedPresent === 0 ? '✓' : '✗'} present though the client was told it failed: ${n(r.unexpectedPresent)}`,
    `  ${r.incomplete === 0 ? '✓' : '✗'} orders without all their lines, allocations, stock movements and history: ${n(r.incomplete)}`,
    `  ${r.indexErrors.length === 0 ? '✓' : '✗'} amcheck bt_index_check (heapallindexed) over ${n(r.indexesChecked)} btree indexes: ${r.indexErrors.length} corrupt`,
    ...r.indexErrors.slice(0, 5).map((e) => `      ${e}`),
    `  ${r.drift === 0 ? '✓' : '✗'} orders.reconcile_stock() over every tenant: ${n(r.drift)} drifting stock rows`,
    ...(r.errorsBeforeKill.length ? [`  ✗ errors before the kill: ${r.errorsBeforeKill.join(' | ')}`] : []),
    ...(r.acknowledged === 0 ? ['  ✗ nothing was acknowledged before the kill: the run proves nothing'] : []),
  ];
}

export async function runCrashDrill(options: CrashDrillOptions): Promise<boolean> {
  const { say } = options;
  const settings = [
    // the server's own defaults, stated so that a change of the cluster's settings cannot weaken the drill
    'fsync=on',
    'full_page_writes=on',
    `synchronous_commit=${options.unsafe ? 'off' : 'on'}`,
    ...(options.unsafe ? ['wal_writer_delay=1000ms'] : []),
  ];
  say('starting a throwaway cluster with durable settings, migrating, loading the orders fixture');
  return withDrillDatabase(
    { database: 'b2b_crash_drill', durable: true, extraSettings: settings },
    async (db) => {
      const fixture = await prepareOrdersDatabase(db.adminUrl);
      const shown = await withClient(db.adminUrl, (c) =>
        c.query<{ name: string; setting: string }>(
          `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level') order by name`,
        ),
      );
      say(`settings: ${shown.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}; ${fixture.summary}`);
      if (options.unsafe)
        say('UNSAFE negative control: synchronous_commit=off, acknowledged orders may be lost');
      let ok = true;
      for (let run = 1; run <= options.runs; run++) {
        const target: KillTarget =
          options.kill === 'alternate' ? (run % 2 === 1 ? 'postmaster' : 'backend') : options.kill;
        const result = await oneRun(db, fixture, run, target, options, settings);
        for (const line of describeRun(result, options.runs)) say(line);
        if (!result.ok) ok = false;
      }
      return ok;
    },
  );
}
