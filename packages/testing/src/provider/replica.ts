// A streaming replica of a local cluster (pg_basebackup -R), run as the same OS user as its primary, on
// loopback. Used by `pnpm db:replica` (the development cluster's replica), its drills and the read-routing
// tests (throwaway pairs). The replica logs in as a dedicated replication role with a SCRAM password:
// initdb's trust lines stay for the superuser, but the replication role's own lines come first.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { PgBinaries } from './binaries';
import {
  asServer,
  type RunningCluster,
  requireBinaries,
  spawnWatchdog,
  startCluster,
  stopCluster,
} from './local-cluster';
import { chownToServerUser } from './os-user';

/** The role a replica logs in as: LOGIN REPLICATION, nothing else, SCRAM password. */
export const REPLICATION_ROLE = 'b2b_replicator';

const HBA_MARKER = '# b2b replica (pnpm db:replica):';
const HBA_LINES = [
  `${HBA_MARKER} the replication role logs in with a SCRAM password only, before any trust line`,
  `host    replication     ${REPLICATION_ROLE}  127.0.0.1/32  scram-sha-256`,
  `local   replication     ${REPLICATION_ROLE}                scram-sha-256`,
  `host    all             ${REPLICATION_ROLE}  127.0.0.1/32  reject`,
  `local   all             ${REPLICATION_ROLE}                reject`,
];

/** Settings every replica runs with (besides port, socket, listen address, max_connections). */
export const REPLICA_SETTINGS = [
  'hot_standby=on',
  // Queries on the replica keep the rows they read from being vacuumed on the primary, instead of being
  // cancelled by replay (40001 "canceling statement due to conflict with recovery").
  'hot_standby_feedback=on',
];

/**
 * A client tool of the same installation as the server binaries: `bindir` may hold links to initdb,
 * pg_ctl and postgres only (as /usr/local/bin does here), so look beside the real `postgres` too.
 */
export function serverTool(bindir: string, name: string): string {
  const direct = join(bindir, name);
  if (existsSync(direct)) return direct;
  const beside = join(dirname(realpathSync(join(bindir, 'postgres'))), name);
  if (existsSync(beside)) return beside;
  throw new Error(`${name} was not found in ${bindir} nor beside its postgres binary`);
}

/** A new random password (hex: nothing to escape in a passfile or a connection string). */
export function newReplicationPassword(): string {
  return randomBytes(24).toString('hex');
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates the replication role (or re-asserts its attributes) with `password`, stored as a SCRAM verifier.
 * `adminUrl`: a superuser on the primary.
 */
export async function ensureReplicationRole(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`set local password_encryption = 'scram-sha-256'`);
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [REPLICATION_ROLE]);
    await client.query(
      `${rowCount ? 'alter' : 'create'} role ${REPLICATION_ROLE} with login replication nosuperuser ` +
        `nocreatedb nocreaterole nobypassrls password ${literal(password)}`,
    );
    await client.query(
      `comment on role ${REPLICATION_ROLE} is 'Streaming replicas (pnpm db:replica): LOGIN REPLICATION with a SCRAM password, loopback only'`,
    );
    await client.query('commit');
  } finally {
    await client.end();
  }
}

/**
 * Puts the replication role's pg_hba.conf lines first in the primary's `dataDir` (SCRAM for replication,
 * reject for anything else), once, and reloads. pg_hba.conf is read top down and the first matching line
 * wins, so initdb's `trust` lines below never apply to the role.
 */
export async function allowReplication(dataDir: string, adminUrl: string): Promise<void> {
  const path = join(dataDir, 'pg_hba.conf');
  const current = readFileSync(path, 'utf8');
  if (!current.includes(HBA_MARKER)) writeFileSync(path, `${HBA_LINES.join('\n')}\n\n${current}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('select pg_reload_conf()');
    const { rows } = await client.query<{ error: string }>(
      'select error from pg_hba_file_rules where error is not null',
    );
    if (rows.length) throw new Error(`pg_hba.conf in ${dataDir} has errors: ${rows.map((r) => r.error)}`);
  } finally {
    await client.end();
  }
}

/** Writes a libpq passfile (mode 0600, owned by the server user) for the replication role on `port`. */
export function writePassfile(path: string, port: number, password: string): void {
  writeFileSync(path, `127.0.0.1:${port}:*:${REPLICATION_ROLE}:${password}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  chownToServerUser(path);
}

export interface BaseBackupOptions {
  primaryPort: number;
  /** Empty or missing: pg_basebackup writes the replica's files here. */
  dataDir: string;
  /** libpq passfile with the replication role's password (see writePassfile). */
  passfile: string;
  /** application_name the replica reports (pg_stat_replication, synchronous_standby_names). */
  applicationName: string;
  /** A physical replication slot to create on the primary, so it keeps the WAL the replica still needs. */
  slot?: string;
  /** Skip fsync of the copied files (throwaway replicas). */
  noSync?: boolean;
  binaries?: PgBinaries;
}

/**
 * `pg_basebackup -R`: copies the primary into `dataDir` with the WAL streamed alongside (`-X stream`), after
 * a fast checkpoint, and writes standby.signal plus primary_conninfo (host, port, role, passfile,
 * application_name) into postgresql.auto.conf. Runs as the server's OS user.
 */
export async function baseBackup(options: BaseBackupOptions): Promise<void> {
  const { bindir } = requireBinaries(options.binaries);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(options.dataDir, 0o700);
  chownToServerUser(options.dataDir);
  const conninfo = [
    'host=127.0.0.1',
    `port=${options.primaryPort}`,
    `user=${REPLICATION_ROLE}`,
    `passfile=${options.passfile}`,
    `application_name=${options.applicationName}`,
  ].join(' ');
  await asServer(serverTool(bindir, 'pg_basebackup'), [
    '-D',
    options.dataDir,
    '-d',
    conninfo,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
    ...(options.slot ? ['-C', '-S', options.slot] : []),
    ...(options.noSync ? ['--no-sync'] : []),
  ]);
  // A copied postmaster.opts, log or socket folder of the primary means nothing to the replica.
  rmSync(join(options.dataDir, 'server.log'), { force: true });
  rmSync(join(options.dataDir, 'sock'), { recursive: true, force: true });
}

/** Starts a replica made by baseBackup on `port` (or the next free one) as a hot standby. */
export async function startReplica(options: {
  dataDir: string;
  port: number;
  settings?: readonly string[];
  binaries?: PgBinaries;
}): Promise<RunningCluster> {
  return startCluster({
    dataDir: options.dataDir,
    port: options.port,
    ephemeral: false,
    settings: [...REPLICA_SETTINGS, ...(options.settings ?? [])],
    binaries: options.binaries,
  });
}

/** `pg_ctl promote -w`: ends recovery; the replica accepts writes when this returns. */
export async function promoteReplica(dataDir: string, binaries?: PgBinaries): Promise<void> {
  const { bindir } = requireBinaries(binaries);
  await asServer(join(bindir, 'pg_ctl'), ['-D', dataDir, '-w', '-t', '60', 'promote']);
}

/** The server processes of the cluster in `dataDir`: the postmaster (first) and its children. */
export function serverPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((pid) => pid > 0);
  } catch {
    // ps exits 1 when there are no children
  }
  return [postmaster, ...children];
}

/**
 * `kill -9` of every process of the cluster at once (postmaster and children): a machine lost, not a
 * shutdown. Nothing is flushed or sent after this; the data directory stays as it was on disk.
 */
export function killCluster(dataDir: string): number[] {
  const pids = serverPids(dataDir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids;
}

/** Waits until the primary reports the replica `applicationName` streaming (pg_stat_replication). */
export async function waitForStreaming(
  primaryAdminUrl: string,
  applicationName: string,
  options: { timeoutMs?: number; syncState?: 'sync' | 'async' } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const client = new pg.Client({ connectionString: primaryAdminUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ state: string; sync_state: string }>(
        'select state, sync_state from pg_stat_replication where application_name = $1',
        [applicationName],
      );
      const row = rows[0];
      if (row?.state === 'streaming' && (!options.syncState || row.sync_state === options.syncState)) return;
      if (Date.now() > deadline)
        throw new Error(
          `the replica ${applicationName} is not streaming${options.syncState ? ` (${options.syncState})` : ''} after ${options.timeoutMs ?? 30_000} ms: ${JSON.stringify(row ?? 'not connected')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

export interface ThrowawayReplica extends RunningCluster {
  applicationName: string;
  /** Stops the replica (when running) and deletes its files; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A throwaway streaming replica of the local cluster `primary` (started from local binaries, whose data
 * directory we can write): replication role and pg_hba lines, pg_basebackup -R into a temporary folder, a
 * start on a free port from `port`, and a wait until it streams. A detached watchdog stops and deletes it
 * when this process ends, like startThrowawayCluster.
 */
export async function startThrowawayReplica(
  primary: RunningCluster,
  options: { port?: number; applicationName?: string; settings?: readonly string[]; slot?: string } = {},
): Promise<ThrowawayReplica> {
  const binaries = requireBinaries();
  const applicationName = options.applicationName ?? 'b2b_replica';
  const root = mkdtempSync(join(tmpdir(), 'b2b-test-replica-'));
  chownToServerUser(root);
  const dataDir = join(root, 'data');
  const watchdog = spawnWatchdog(binaries.bindir, dataDir, root);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await stopCluster(dataDir, 'immediate').catch(() => {});
    } finally {
      watchdog.kill();
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    const password = newReplicationPassword();
    await ensureReplicationRole(primary.url, password);
    await allowReplication(primary.dataDir, primary.url);
    const passfile = join(root, 'pgpass');
    writePassfile(passfile, primary.port, password);
    await baseBackup({
      primaryPort: primary.port,
      dataDir,
      passfile,
      applicationName,
      slot: options.slot,
      noSync: true,
      binaries,
    });
    const cluster = await startReplica({
      dataDir,
      port: options.port ?? 6600,
      settings: options.settings,
      binaries,
    });
    await waitForStreaming(primary.url, applicationName);
    return { ...cluster, applicationName, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
