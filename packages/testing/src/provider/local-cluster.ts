// A PostgreSQL cluster started from local binaries: persistent (development) or throwaway (tests).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgBinaries, installHint, type PgBinaries } from './binaries';
import { writeHba } from './hba';
import { asServerUser, chownToServerUser } from './os-user';
import { freePort } from './ports';
import { ensureServerTls } from './tls';

const run = promisify(execFile);

/**
 * pg_stat_statements (PostgreSQL contrib, created by sql/bootstrap/database) on every cluster we start,
 * development and test alike, so that ops.slow_queries is tested where it is used. It must be loaded at
 * server start. track=all: our business logic runs inside PL/pgSQL functions (placing an order is one
 * call), so the default `top` would list only the outer `select orders.place_order(...)`; with `all` the
 * statements inside functions are counted too (toplevel = false), at the cost of more entries.
 */
const STATEMENT_STATS_SETTINGS = [
  'shared_preload_libraries=pg_stat_statements',
  'pg_stat_statements.track=all',
];

/** Settings that trade durability for speed; only for throwaway test clusters. */
const TEST_ONLY_SETTINGS = [
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  // Statement statistics: the ops views are tested on these clusters.
  ...STATEMENT_STATS_SETTINGS,
];

/**
 * Settings for the development cluster (`pnpm db:up`), which is ours alone, tuned for bulk loads such
 * as `pnpm db:seed --profile large`; durability is kept.
 * - wal_level=replica, max_wal_senders=10: `pnpm db:replica up` streams the cluster to a replica
 *   (pg_basebackup -R). `minimal` would skip the WAL of COPY into a table created in the same
 *   transaction, but a replica needs every change in the WAL.
 * - max_slot_wal_keep_size=10GB: the replica's slot keeps WAL while the replica is down, up to this much;
 *   beyond it the slot is invalidated (`pnpm db:replica status` says so) rather than filling the disk.
 *   Continuous WAL archiving (archiveSettings below) needs `replica` too.
 * - max_wal_size=4GB: loads that do write WAL are not interrupted by a checkpoint every 1 GB.
 * - shared_buffers=512MB (default 128MB): the loaded tables' indexes are built and validated in memory.
 * The server reads these at start: `pnpm db:down && pnpm db:up` applies them to a running cluster.
 */
const DEV_SETTINGS = [
  'wal_level=replica',
  'max_wal_senders=10',
  'max_slot_wal_keep_size=10GB',
  'max_wal_size=4GB',
  'shared_buffers=512MB',
  // Statement statistics for ops.slow_queries and `pnpm db:health` (see STATEMENT_STATS_SETTINGS).
  ...STATEMENT_STATS_SETTINGS,
];

/**
 * Continuous WAL archiving of the development cluster, for `pnpm db:backup` (pg_basebackup) and
 * `pnpm db:pitr` (docs/operations.md, Backup). Listed after DEV_SETTINGS on the command line (which already
 * has wal_level=replica and WAL senders for the replica), so a restored copy started without archiving
 * keeps the same WAL level. Every finished 16 MB segment is copied (and synced) into the archive folder beside the data
 * directory; a segment is switched at least every 60 s when anything was written (archive_timeout), which
 * bounds the data at risk (RPO) of a quiet cluster. The cost: the large seed load writes WAL for its rows
 * (measured in docs/operations.md).
 */
export function archiveSettings(dataDir: string): string[] {
  const archive = walArchiveDir(dataDir);
  if (/['\s]/.test(archive)) throw new Error(`the WAL archive path has a quote or a space: ${archive}`);
  // An already archived segment is success only when identical (the server may retry after a crash).
  const command = `if [ -f ${archive}/%f ]; then cmp -s %p ${archive}/%f; else cp %p ${archive}/%f.part && sync ${archive}/%f.part && mv ${archive}/%f.part ${archive}/%f; fi`;
  return [
    'wal_level=replica',
    'max_wal_senders=10',
    'archive_mode=on',
    `archive_command='${command}'`,
    'archive_timeout=60s',
  ];
}

/** Where the development cluster archives its WAL: a folder beside its data directory (`.data/pg-wal-archive`). */
export function walArchiveDir(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}-wal-archive`;
}

export interface ClusterOptions {
  dataDir: string;
  port: number;
  /** Test clusters skip durability; development clusters keep it. */
  ephemeral: boolean;
  /** Development clusters archive their WAL (archiveSettings) unless this is false (restored copies). */
  archive?: boolean;
  /** Seconds pg_ctl waits for the server to accept connections (default 60; longer for a recovery). */
  waitSeconds?: number;
  /** Server settings (`name=value`) instead of the test or development list (a replica, a drill). */
  settings?: readonly string[];
  binaries?: PgBinaries;
  /** Serve TLS with a self-signed authority made on first start (tls.ts); the development cluster does. */
  tls?: boolean;
  /** Extra `name=value` settings, after all others (so they win), e.g. `max_connections=300`. */
  extraSettings?: readonly string[];
}

export interface RunningCluster {
  url: string;
  port: number;
  dataDir: string;
  major: number;
  /** With TLS: the authority's certificate, for sslmode=verify-full (sslrootcert). */
  caFile?: string;
}

/** Passwords are stored as SCRAM-SHA-256 verifiers (PostgreSQL 14+ default, stated so it stays). */
const AUTH_SETTINGS = ['password_encryption=scram-sha-256'];

/** Runs `bin args` as the server's OS user (see os-user.ts); its stdout, or an error with its stderr. */
export async function asServer(bin: string, args: string[]): Promise<string> {
  const [cmd, cmdArgs] = asServerUser(bin, args);
  try {
    const { stdout } = await run(cmd, cmdArgs, { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`);
  }
}

/** The given binaries, or the ones found; throws the install hint when there are none. */
export function requireBinaries(binaries?: PgBinaries): PgBinaries {
  const found = binaries ?? findPgBinaries();
  if (!found) throw new Error(installHint());
  return found;
}

export function clusterExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

export async function initCluster(dataDir: string, binaries?: PgBinaries): Promise<void> {
  const { bindir } = requireBinaries(binaries);
  mkdirSync(dataDir, { recursive: true });
  chownToServerUser(dataDir);
  await asServer(join(bindir, 'initdb'), [
    '-D',
    dataDir,
    '--auth=trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
}

function socketDir(dataDir: string): string {
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short per-cluster folder.
  const dir = join(dataDir, 'sock');
  mkdirSync(dir, { recursive: true });
  chownToServerUser(dir);
  return dir;
}

export function clusterUrl(port: number, database = 'postgres'): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

/** Starts an initialised cluster; a port taken by someone else is replaced by the next free one. */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const binaries = requireBinaries(options.binaries);
  let port = await freePort(options.port);
  writeHba(options.dataDir, options.tls === true);
  const tls = options.tls ? ensureServerTls(options.dataDir) : undefined;
  const archiving = !options.ephemeral && options.archive !== false;
  if (archiving) {
    mkdirSync(walArchiveDir(options.dataDir), { recursive: true });
    chownToServerUser(walArchiveDir(options.dataDir));
  }
  for (let attempt = 0; ; attempt++) {
    const settings = [
      `-p ${port}`,
      `-k ${socketDir(options.dataDir)}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      ...(options.settings ?? (options.ephemeral ? TEST_ONLY_SETTINGS : DEV_SETTINGS)).map((s) => `-c ${s}`),
      ...[...AUTH_SETTINGS, ...(tls?.settings ?? [])].map((s) => `-c ${s}`),
      ...(archiving ? archiveSettings(options.dataDir) : []).map((s) => `-c ${s}`),
      ...(options.extraSettings ?? []).map((s) => `-c ${s}`),
    ].join(' ');
    try {
      await asServer(join(binaries.bindir, 'pg_ctl'), [
        '-D',
        options.dataDir,
        '-l',
        join(options.dataDir, 'server.log'),
        '-w',
        '-t',
        String(options.waitSeconds ?? 60),
        'start',
        '-o',
        settings,
      ]);
      return {
        url: clusterUrl(port),
        port,
        dataDir: options.dataDir,
        major: binaries.major,
        caFile: tls?.caFile,
      };
    } catch (error) {
      const log = readLogTail(options.dataDir);
      // Another process may grab the port between our probe and the server's bind: try the next one.
      if (attempt < 5 && /could not bind|Address already in use/i.test(log)) {
        port = await freePort(port + 1);
        continue;
      }
      throw new Error(`${(error as Error).message}\nserver log (${options.dataDir}/server.log):\n${log}`);
    }
  }
}

function readLogTail(dataDir: string): string {
  try {
    return readFileSync(join(dataDir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no server log)';
  }
}

export async function stopCluster(dataDir: string, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  const { bindir } = requireBinaries();
  await asServer(join(bindir, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop']);
}

export async function clusterIsRunning(dataDir: string): Promise<boolean> {
  const { bindir } = requireBinaries();
  const [cmd, args] = asServerUser(join(bindir, 'pg_ctl'), ['-D', dataDir, 'status']);
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

export interface ThrowawayOptions {
  /**
   * Keep durability (fsync, synchronous_commit, full_page_writes on: the development settings) instead of
   * the test-only shortcuts; for drills whose point is what survives a crash. Default false.
   */
  durable?: boolean;
  /** Preferred port (default 55432); the next free one is taken. */
  port?: number;
  /** Serve TLS with a self-signed authority made on first start (tls.ts). */
  tls?: boolean;
  /** Settings instead of the test (or, durable, development) list: a replica's primary, a drill. */
  settings?: readonly string[];
  /** Extra settings after the defaults (so they win), e.g. `max_connections=300`. */
  extraSettings?: readonly string[];
}

/**
 * A throwaway cluster for one test run (or drill). A detached watchdog stops and deletes it as soon as
 * this process is gone, so Ctrl-C, a crash or `kill -9` never leaves a server behind.
 */
export async function startThrowawayCluster(
  options: ThrowawayOptions = {},
): Promise<RunningCluster & { stop(): Promise<void> }> {
  const binaries = requireBinaries();
  const dataDir = mkdtempSync(join(tmpdir(), 'b2b-test-pg-'));
  const watchdog = spawnWatchdog(binaries.bindir, dataDir);
  try {
    await initCluster(dataDir, binaries);
    const cluster = await startCluster({
      dataDir,
      port: options.port ?? 55432,
      ephemeral: !options.durable,
      // a throwaway cluster never archives its WAL, durable or not
      archive: false,
      binaries,
      tls: options.tls,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.extraSettings ? { extraSettings: options.extraSettings } : {}),
    });
    let stopped = false;
    return {
      ...cluster,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await stopCluster(dataDir, 'immediate');
        } finally {
          watchdog.kill();
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    watchdog.kill();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A detached shell that waits for this process to end, then stops the server in `dataDir` (when it still
 * runs) and deletes `removeDir` (default: `dataDir`). `kill()` on the returned child cancels it.
 */
export function spawnWatchdog(bindir: string, dataDir: string, removeDir: string = dataDir) {
  const [cmd, args] = asServerUser(join(bindir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
  const stopCommand = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
    `[ -f '${dataDir}/postmaster.pid' ] && ${stopCommand} >/dev/null 2>&1`,
    `rm -rf '${removeDir}'`,
  ].join('; ');
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
