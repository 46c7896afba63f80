// The development cluster's streaming replica (`pnpm db:replica up|down|status`): its files sit beside the
// development cluster's (`<dataDir>-replica`), it runs as the same OS user, on loopback, on a free port.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { devClusterRunning } from './dev-cluster';
import { clusterExists, clusterIsRunning, clusterUrl, stopCluster } from './local-cluster';
import {
  allowReplication,
  baseBackup,
  ensureReplicationRole,
  newReplicationPassword,
  startReplica,
  waitForStreaming,
  writePassfile,
} from './replica';
import { repoRoot } from './repo';

const STATE_FILE = join(repoRoot, '.data', 'dev-replica.json');
/** The replica's name on the primary: application_name (pg_stat_replication) and its replication slot. */
export const DEV_REPLICA_NAME = 'b2b_dev_replica';
export const DEV_REPLICA_PREFERRED_PORT = 54429;

export interface DevReplicaState {
  dataDir: string;
  port: number;
  passfile: string;
}

function readState(): DevReplicaState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DevReplicaState;
}

function writeState(state: DevReplicaState): void {
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

async function primaryOrFail(): Promise<{ dataDir: string; port: number; url: string }> {
  if (process.env.DATABASE_URL) {
    throw new Error(
      'pnpm db:replica runs a replica of the local development cluster (pnpm db:up); DATABASE_URL names another server: unset it, or replicate that server with its own tooling.',
    );
  }
  const primary = await devClusterRunning();
  if (!primary) throw new Error('The development cluster is not running: start it with `pnpm db:up` first.');
  return { ...primary, url: clusterUrl(primary.port) };
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The replication settings a running primary must have; throws what to do when it lacks them. */
async function checkPrimarySettings(url: string): Promise<void> {
  const [row] = await query<{ wal_level: string; senders: string }>(
    url,
    `select current_setting('wal_level') as wal_level, current_setting('max_wal_senders') as senders`,
  );
  if (row?.wal_level === 'minimal' || row?.senders === '0') {
    throw new Error(
      `The development cluster runs with wal_level=${row.wal_level}, max_wal_senders=${row.senders} (started by an older version): ` +
        'restart it with `pnpm db:down && pnpm db:up` (it then runs wal_level=replica), then run `pnpm db:replica up` again.',
    );
  }
}

/** Points an existing replica's primary_conninfo at the primary's current port (db:up may have moved it). */
function repointReplica(dataDir: string, primaryPort: number): void {
  const path = join(dataDir, 'postgresql.auto.conf');
  const text = readFileSync(path, 'utf8');
  const next = text.replace(/^(primary_conninfo = '.*?\bport=)\d+/m, `$1${primaryPort}`);
  if (next !== text) writeFileSync(path, next);
}

function passwordFrom(passfile: string): string | undefined {
  if (!existsSync(passfile)) return undefined;
  return readFileSync(passfile, 'utf8').trim().split(':').at(-1) || undefined;
}

export interface DevReplicaUp extends DevReplicaState {
  url: string;
  created: boolean;
  started: boolean;
}

/**
 * Makes (pg_basebackup -R, with a replication slot) and starts the development cluster's replica, or
 * returns the running one. `port`: the preferred port (default: the last one used, else 54429); a taken
 * port is replaced by the next free one.
 */
export async function ensureDevReplica(options: { port?: number } = {}): Promise<DevReplicaUp> {
  const primary = await primaryOrFail();
  await checkPrimarySettings(primary.url);
  const previous = readState();
  const dataDir = previous?.dataDir ?? `${primary.dataDir}-replica`;
  const passfile = previous?.passfile ?? `${primary.dataDir}-replica.pgpass`;
  if (previous && (await clusterIsRunning(dataDir))) {
    return { ...previous, url: clusterUrl(previous.port), created: false, started: false };
  }
  const password = passwordFrom(passfile) ?? newReplicationPassword();
  await ensureReplicationRole(primary.url, password);
  await allowReplication(primary.dataDir, primary.url);
  writePassfile(passfile, primary.port, password);
  let created = false;
  if (!clusterExists(dataDir)) {
    // A slot left by a replica whose files were deleted by hand would keep WAL for nobody.
    await query(
      primary.url,
      'select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1 and not active',
      [DEV_REPLICA_NAME],
    );
    rmSync(dataDir, { recursive: true, force: true });
    await baseBackup({
      primaryPort: primary.port,
      dataDir,
      passfile,
      applicationName: DEV_REPLICA_NAME,
      slot: DEV_REPLICA_NAME,
    });
    created = true;
  } else {
    repointReplica(dataDir, primary.port);
  }
  const cluster = await startReplica({
    dataDir,
    port: options.port ?? previous?.port ?? DEV_REPLICA_PREFERRED_PORT,
  });
  const state = { dataDir, port: cluster.port, passfile };
  writeState(state);
  await waitForStreaming(primary.url, DEV_REPLICA_NAME);
  return { ...state, url: cluster.url, created, started: true };
}

/**
 * Stops the replica (its files kept, so `up` resumes streaming from its slot). With `remove`, also deletes
 * its files and password file and drops its slot on the primary (when the primary runs). Returns what it did.
 */
export async function stopDevReplica(options: { remove?: boolean } = {}): Promise<string[]> {
  const state = readState();
  const done: string[] = [];
  if (state && clusterExists(state.dataDir) && (await clusterIsRunning(state.dataDir))) {
    await stopCluster(state.dataDir, 'fast');
    done.push(`stopped the replica on 127.0.0.1:${state.port}`);
  }
  if (!options.remove) return done;
  if (state) {
    rmSync(state.dataDir, { recursive: true, force: true });
    rmSync(state.passfile, { force: true });
    rmSync(STATE_FILE, { force: true });
    done.push(`deleted ${state.dataDir}`);
  }
  const primary = await devClusterRunning();
  if (primary) {
    const dropped = await query(
      clusterUrl(primary.port),
      'select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1',
      [DEV_REPLICA_NAME],
    );
    if (dropped.length) done.push(`dropped the replication slot ${DEV_REPLICA_NAME} on the primary`);
  }
  return done;
}

export interface DevReplicaStatus {
  primary?: { port: number };
  replica?: { port: number; dataDir: string; running: boolean };
  /** pg_stat_replication on the primary (null lags: nothing to measure lately, i.e. caught up). */
  streaming?: {
    state: string;
    syncState: string;
    writeLagMs: number | null;
    flushLagMs: number | null;
    replayLagMs: number | null;
    replayBehindBytes: number;
  };
  /** The replica's slot on the primary: how much WAL it holds, and whether it is still usable. */
  slot?: { active: boolean; walStatus: string; retainedBytes: number };
  /** Seen from the replica itself. */
  standby?: { inRecovery: boolean; replayPaused: string; lastReplayAt: string | null };
}

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** What `pnpm db:replica status` prints. */
export async function devReplicaStatus(): Promise<DevReplicaStatus> {
  const status: DevReplicaStatus = {};
  const state = readState();
  const primary = await devClusterRunning();
  if (state) {
    const running = clusterExists(state.dataDir) && (await clusterIsRunning(state.dataDir));
    status.replica = { port: state.port, dataDir: state.dataDir, running };
    if (running) {
      const [row] = await query<{ in_recovery: boolean; paused: string; last: string | null }>(
        clusterUrl(state.port),
        `select pg_is_in_recovery() as in_recovery,
           case when pg_is_in_recovery() then pg_get_wal_replay_pause_state() else 'not in recovery' end as paused,
           pg_last_xact_replay_timestamp()::text as last`,
      );
      if (row)
        status.standby = { inRecovery: row.in_recovery, replayPaused: row.paused, lastReplayAt: row.last };
    }
  }
  if (primary) {
    status.primary = { port: primary.port };
    const url = clusterUrl(primary.port);
    const [rep] = await query<{
      state: string;
      sync_state: string;
      write_ms: number | null;
      flush_ms: number | null;
      replay_ms: number | null;
      behind: string;
    }>(
      url,
      `select state, sync_state, ${ms('write_lag')} as write_ms, ${ms('flush_lag')} as flush_ms,
         ${ms('replay_lag')} as replay_ms, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint as behind
       from pg_stat_replication where application_name = $1`,
      [DEV_REPLICA_NAME],
    );
    if (rep) {
      status.streaming = {
        state: rep.state,
        syncState: rep.sync_state,
        writeLagMs: rep.write_ms,
        flushLagMs: rep.flush_ms,
        replayLagMs: rep.replay_ms,
        replayBehindBytes: Number(rep.behind),
      };
    }
    const [slot] = await query<{ active: boolean; wal_status: string; retained: string }>(
      url,
      `select active, wal_status, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint as retained
       from pg_replication_slots where slot_name = $1`,
      [DEV_REPLICA_NAME],
    );
    if (slot)
      status.slot = { active: slot.active, walStatus: slot.wal_status, retainedBytes: Number(slot.retained) };
  }
  return status;
}
