// `pnpm db:replica failover`: lose the primary under order load and promote the replica. Per mode, a fresh
// scratch primary and replica (scratch-pair.ts); N clients place orders; after a while every process of
// the primary is killed with SIGKILL at once (a machine lost: nothing is flushed or sent afterwards), the
// replica is promoted (pg_ctl promote), and the orders the clients saw acknowledged are looked up on it.
// - sync: synchronous_standby_names names the replica and synchronous_commit is on, so a commit is
//   acknowledged only once the replica has flushed it: none may be missing (the drill fails otherwise).
// - async: a commit is acknowledged after the local flush; what the replica had not received at the kill is
//   lost. Measured: acknowledged orders missing on the promoted node, and the replica's lag just before.
import { randomUUID } from 'node:crypto';
import { TransactionOutcomeUnknownError } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { killCluster, promoteReplica, waitForStreaming } from '@b2b/testing/provider';
import pg from 'pg';
import { withPool } from '../bench/clients';
import { LINES_PER_ORDER } from '../bench/suites/orders';
import { verifyOrders } from '../bench/suites/orders-verify';
import { orderKeys, placeRandomOrder, REPLICA_NAME, startScratchPair } from './scratch-pair';
import { switchPoint, type WalAfterSwitch, walAfterSwitch } from './wal-after-switch';

export type FailoverMode = 'sync' | 'async';

export interface FailoverOptions {
  modes: readonly FailoverMode[];
  clients: number;
  /** Seconds of order load before the primary is killed. */
  seconds: number;
  rounds: number;
  /**
   * Before the kill, stop the primary's walsender (SIGSTOP) for this many ms while orders go on, as a
   * network partition would: with async replication what is acknowledged meanwhile is lost; with sync the
   * commits wait instead. 0: no stall.
   */
  stallMs: number;
  say: (line: string) => void;
}

export interface FailoverResult {
  mode: FailoverMode;
  round: number;
  acknowledged: number;
  missing: number;
  inDoubt: number;
  /** Of the in-doubt orders (commit on the wire at the kill), how many the promoted node has. */
  inDoubtPresent: number;
  /** Calls cut by the kill before their commit was sent: never committed. */
  cut: number;
  /** The replica's flush position behind the primary's WAL at the last sample before the kill, in bytes. */
  lastFlushBehindBytes: number | null;
  /** Orders acknowledged while the walsender was stopped (with stallMs). */
  ackedDuringStall: number;
  /** The old primary's WAL the promoted node does not have (bytes, commit records). */
  lostWal: WalAfterSwitch;
  /** From the kill to the promoted replica committing a write, in ms (detection not included). */
  promoteMs: number;
  /** From `pg_ctl promote` to the promoted replica committing a write, in ms. */
  promoteOnlyMs: number;
  checksOk: boolean;
  failedChecks: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function round(mode: FailoverMode, n: number, options: FailoverOptions): Promise<FailoverResult> {
  const { say } = options;
  say(`failover drill, ${mode}hronous replication, round ${n}: starting a scratch primary and replica`);
  const pair = await startScratchPair(say);
  try {
    const primaryAdmin = pair.adminUrl(pair.primary);
    if (mode === 'sync') {
      await withClient(primaryAdmin, async (c) => {
        await c.query(`alter system set synchronous_standby_names = '"${REPLICA_NAME}"'`);
        await c.query(`alter system set synchronous_commit = 'on'`);
        await c.query('select pg_reload_conf()');
      });
      await waitForStreaming(primaryAdmin, REPLICA_NAME, { syncState: 'sync' });
      say(`  synchronous_standby_names = '"${REPLICA_NAME}"', synchronous_commit = on: the replica is sync`);
    } else {
      say('  synchronous_standby_names empty: the replica is async');
    }

    const prefix = `failover-${mode}-${n}-${Date.now()}`;
    const acknowledged = new Set<string>();
    const inDoubt = new Set<string>();
    const cut = new Set<string>();
    const otherErrors: string[] = [];
    let killed = false;
    let lastFlushBehindBytes: number | null = null;

    // A monitor samples the replica's flush lag (bytes) until the kill: the WAL at risk just before it.
    const monitor = new pg.Client({ connectionString: primaryAdmin });
    await monitor.connect();
    monitor.on('error', () => {}); // the kill ends this session too
    const monitoring = (async () => {
      while (!killed) {
        try {
          const { rows } = await monitor.query<{ behind: number }>(
            `select pg_wal_lsn_diff(pg_current_wal_lsn(), flush_lsn)::float8 as behind
             from pg_stat_replication where application_name = $1`,
            [REPLICA_NAME],
          );
          if (!killed && rows[0]) lastFlushBehindBytes = rows[0].behind;
        } catch {
          return;
        }
        await sleep(20);
      }
    })();

    say(`  placing orders: ${options.clients} clients for ${options.seconds} s, then kill -9 of the primary`);
    let killedAt = 0;
    let ackedDuringStall = 0;
    await withPool(pair.appUrl(pair.primary), options.clients, async (pool) => {
      pool.on('error', () => {}); // idle clients of a killed server report here
      const workers = Array.from({ length: options.clients }, async () => {
        while (!killed) {
          const key = `${prefix}-${randomUUID()}`;
          try {
            await placeRandomOrder(pool, pair.fixture, key);
            acknowledged.add(key);
          } catch (error) {
            if (!killed) {
              otherErrors.push((error as Error).message);
              return;
            }
            // The kill cut this call. With the commit on the wire its outcome is unknown
            // (TransactionOutcomeUnknownError); before it, nothing was committed.
            if (error instanceof TransactionOutcomeUnknownError) inDoubt.add(key);
            else cut.add(key);
            return;
          }
        }
      });
      let stalled: number | undefined;
      if (options.stallMs > 0) {
        await sleep(Math.max(0, options.seconds * 1000 - options.stallMs));
        stalled = await walSenderPid(primaryAdmin);
        process.kill(stalled, 'SIGSTOP');
        const before = acknowledged.size;
        await sleep(options.stallMs);
        ackedDuringStall = acknowledged.size - before;
      } else {
        await sleep(options.seconds * 1000);
      }
      killed = true;
      killedAt = performance.now();
      const pids = killCluster(pair.primary.dataDir); // the stopped walsender too: SIGKILL ends it as it is
      say(
        `  killed the primary: SIGKILL to ${pids.length} processes (postmaster ${pids[0]} and its children)` +
          (stalled === undefined
            ? ''
            : `, after stopping its walsender (SIGSTOP) for the last ${options.stallMs} ms: ` +
              `${ackedDuringStall} orders acknowledged meanwhile`),
      );
      await Promise.allSettled(workers);
    }).catch(() => {}); // ending a pool whose server is gone
    await monitoring;
    await monitor.end().catch(() => {});
    if (otherErrors.length) throw new Error(`orders failed before the kill: ${otherErrors[0]}`);

    const promoteStarted = performance.now();
    await promoteReplica(pair.replica.dataDir);
    const replicaAdmin = pair.adminUrl(pair.replica);
    await withClient(replicaAdmin, (c) =>
      c.query('create temporary table failover_probe (x int); insert into failover_probe values (1)'),
    );
    const promoteMs = performance.now() - killedAt;
    const promoteOnlyMs = performance.now() - promoteStarted;
    say(
      `  promoted the replica (pg_ctl promote): writable ${(promoteOnlyMs / 1000).toFixed(2)} s after pg_ctl promote, ${(promoteMs / 1000).toFixed(2)} s after the kill`,
    );

    const lost = await walAfterSwitch(pair.primary.dataDir, await switchPoint(replicaAdmin));
    const present = await orderKeys(replicaAdmin, prefix);
    const missing = [...acknowledged].filter((k) => !present.has(k)).length;
    const inDoubtPresent = [...inDoubt].filter((k) => present.has(k)).length;
    const checks = await verifyOrders(replicaAdmin, [], LINES_PER_ORDER);
    const failedChecks = checks.filter((c) => !c.ok).map((c) => `${c.what}: ${c.detail}`);
    // An order whose call failed before its commit was sent cannot exist, nor one no call made.
    const unexplained = [...present].filter((k) => !acknowledged.has(k) && !inDoubt.has(k)).length;
    if (unexplained)
      failedChecks.push(`${unexplained} orders on the promoted node were never acknowledged nor in doubt`);
    return {
      mode,
      round: n,
      acknowledged: acknowledged.size,
      missing,
      inDoubt: inDoubt.size,
      inDoubtPresent,
      cut: cut.size,
      lastFlushBehindBytes,
      lostWal: lost,
      ackedDuringStall,
      promoteMs,
      promoteOnlyMs,
      checksOk: failedChecks.length === 0,
      failedChecks,
    };
  } finally {
    await pair.stop();
  }
}

/**
 * The pid of the primary's walsender for the replica (pg_stat_replication), to stall replication as a
 * network partition would: a stopped walsender sends nothing more, and what it sent is all the replica gets.
 */
async function walSenderPid(primaryAdminUrl: string): Promise<number> {
  return withClient(primaryAdminUrl, async (c) => {
    const { rows } = await c.query<{ pid: number }>(
      'select pid from pg_stat_replication where application_name = $1',
      [REPLICA_NAME],
    );
    const pid = rows[0]?.pid;
    if (!pid) throw new Error('the primary has no walsender for the replica');
    return pid;
  });
}

/** Runs every mode `rounds` times; returns the results (the caller prints and judges them). */
export async function failoverDrill(options: FailoverOptions): Promise<FailoverResult[]> {
  const results: FailoverResult[] = [];
  for (const mode of options.modes) {
    for (let n = 1; n <= options.rounds; n++) results.push(await round(mode, n, options));
  }
  return results;
}
