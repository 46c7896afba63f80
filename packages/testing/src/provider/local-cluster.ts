// A PostgreSQL cluster started from local binaries: persistent (development) or throwaway (tests).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgBinaries, installHint, type PgBinaries } from './binaries';
import { asServerUser, chownToServerUser } from './os-user';
import { freePort } from './ports';

const run = promisify(execFile);

/** Settings that trade durability for speed; only for throwaway test clusters. */
const TEST_ONLY_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

/**
 * Settings for the development cluster (`pnpm db:up`), which is ours alone, tuned for bulk loads such
 * as `pnpm db:seed --profile large`; durability is kept.
 * - wal_level=minimal (needs max_wal_senders=0): COPY into a table created or truncated in the same
 *   transaction writes no WAL for its rows, and index builds on it none either. Nothing here uses
 *   replication, WAL archiving or logical decoding yet (no replica, no pg_basebackup, no archive
 *   command, no publication); whoever adds one switches the development cluster back to `replica`.
 * - max_wal_size=4GB: loads that do write WAL are not interrupted by a checkpoint every 1 GB.
 * - shared_buffers=512MB (default 128MB): the loaded tables' indexes are built and validated in memory.
 * The server reads these at start: `pnpm db:down && pnpm db:up` applies them to a running cluster.
 */
const DEV_SETTINGS = ['wal_level=minimal', 'max_wal_senders=0', 'max_wal_size=4GB', 'shared_buffers=512MB'];

export interface ClusterOptions {
  dataDir: string;
  port: number;
  /** Test clusters skip durability; development clusters keep it. */
  ephemeral: boolean;
  binaries?: PgBinaries;
  /** Extra `name=value` settings, after the defaults (so they win), e.g. `max_connections=300`. */
  settings?: string[];
}

export interface RunningCluster {
  url: string;
  port: number;
  dataDir: string;
  major: number;
}

async function asServer(bin: string, args: string[]): Promise<string> {
  const [cmd, cmdArgs] = asServerUser(bin, args);
  try {
    const { stdout } = await run(cmd, cmdArgs, { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`);
  }
}

function requireBinaries(binaries?: PgBinaries): PgBinaries {
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
  for (let attempt = 0; ; attempt++) {
    const settings = [
      `-p ${port}`,
      `-k ${socketDir(options.dataDir)}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      ...(options.ephemeral ? TEST_ONLY_SETTINGS : DEV_SETTINGS).map((s) => `-c ${s}`),
      ...(options.settings ?? []).map((s) => `-c ${s}`),
    ].join(' ');
    try {
      await asServer(join(binaries.bindir, 'pg_ctl'), [
        '-D',
        options.dataDir,
        '-l',
        join(options.dataDir, 'server.log'),
        '-w',
        '-t',
        '60',
        'start',
        '-o',
        settings,
      ]);
      return { url: clusterUrl(port), port, dataDir: options.dataDir, major: binaries.major };
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
  /** Extra settings, e.g. `max_connections=300`. */
  settings?: string[];
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
      binaries,
      ...(options.settings ? { settings: options.settings } : {}),
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

function spawnWatchdog(bindir: string, dataDir: string) {
  const [cmd, args] = asServerUser(join(bindir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
  const stopCommand = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
    `[ -f '${dataDir}/postmaster.pid' ] && ${stopCommand} >/dev/null 2>&1`,
    `rm -rf '${dataDir}'`,
  ].join('; ');
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
