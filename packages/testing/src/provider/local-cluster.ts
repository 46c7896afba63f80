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
 * - wal_level=replica, max_wal_senders=10: `pnpm db:replica up` streams the cluster to a replica
 *   (pg_basebackup -R). `minimal` would skip the WAL of COPY into a table created in the same
 *   transaction, but a replica needs every change in the WAL.
 * - max_slot_wal_keep_size=10GB: the replica's slot keeps WAL while the replica is down, up to this much;
 *   beyond it the slot is invalidated (`pnpm db:replica status` says so) rather than filling the disk.
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
];

export interface ClusterOptions {
  dataDir: string;
  port: number;
  /** Test clusters skip durability; development clusters keep it. */
  ephemeral: boolean;
  /** Server settings (`name=value`) instead of the test or development list (a replica, a drill). */
  settings?: readonly string[];
  binaries?: PgBinaries;
}

export interface RunningCluster {
  url: string;
  port: number;
  dataDir: string;
  major: number;
}

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
  for (let attempt = 0; ; attempt++) {
    const settings = [
      `-p ${port}`,
      `-k ${socketDir(options.dataDir)}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200',
      ...(options.settings ?? (options.ephemeral ? TEST_ONLY_SETTINGS : DEV_SETTINGS)).map((s) => `-c ${s}`),
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

/**
 * A throwaway cluster for one test run. A detached watchdog stops and deletes it as soon as this
 * process is gone, so Ctrl-C, a crash or `kill -9` never leaves a server behind.
 */
export async function startThrowawayCluster(
  options: { settings?: readonly string[]; port?: number } = {},
): Promise<RunningCluster & { stop(): Promise<void> }> {
  const binaries = requireBinaries();
  const dataDir = mkdtempSync(join(tmpdir(), 'b2b-test-pg-'));
  const watchdog = spawnWatchdog(binaries.bindir, dataDir);
  try {
    await initCluster(dataDir, binaries);
    const cluster = await startCluster({
      dataDir,
      port: options.port ?? 55432,
      ephemeral: true,
      settings: options.settings,
      binaries,
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
