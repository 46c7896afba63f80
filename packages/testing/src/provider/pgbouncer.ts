// PgBouncer (Debian's package) in front of one of our clusters: transaction pooling, SCRAM auth from an
// auth_file, run as the same unprivileged OS user as the server (PgBouncer refuses root). Used by
// `pnpm db:pgbouncer` (in front of the development cluster), by the test harness (B2B_TEST_PGBOUNCER=1),
// and by the drills and benchmarks that need a pooler of their own.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { asServerUser, chownToServerUser } from './os-user';
import { freePort } from './ports';

const run = promisify(execFile);

/** Where Debian installs it (`apt-get install pgbouncer`); PATH is searched first. */
const CANDIDATES = [
  'pgbouncer',
  '/usr/sbin/pgbouncer',
  '/usr/local/bin/pgbouncer',
  '/usr/local/sbin/pgbouncer',
];

/** The pgbouncer binary, or undefined when it is not installed. */
export function findPgBouncer(): string | undefined {
  for (const candidate of CANDIDATES) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

export function pgbouncerInstallHint(): string {
  return 'PgBouncer is not installed: run ./scripts/setup.sh (or apt-get install -y pgbouncer).';
}

/** "1.18.0" from `pgbouncer --version`. */
export function pgbouncerVersion(bin: string): string {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /PgBouncer (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? 'unknown';
}

/**
 * A SCRAM-SHA-256 secret in PostgreSQL's format (RFC 5803), as pg_authid stores it and as PgBouncer reads
 * it from an auth_file: `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`. The clear password is
 * not written anywhere PgBouncer reads. (Passwords here are ASCII, so SASLprep leaves them unchanged.)
 */
export function scramSecret(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Server connections per (database, user) pool: (2 x cores) + 1, the PostgreSQL wiki's starting point
 * ((core_count x 2) + effective_spindle_count, one "spindle" for an SSD). Beyond it, more connections
 * only queue inside PostgreSQL (CPU, locks, WAL) instead of in PgBouncer. See docs/operations.md.
 */
export function defaultPoolSize(cores = cpus().length): number {
  return cores * 2 + 1;
}

export interface PgBouncerOptions {
  /** The PostgreSQL server behind it (loopback). */
  serverPort: number;
  /** Folder for the ini, auth_file, log, pid file and socket (created; owned by the server's OS user). */
  dir: string;
  /** Preferred listen port; the next free one is taken when it is busy. */
  port: number;
  /** role -> clear password; written to the auth_file as SCRAM secrets only. */
  users: Record<string, string>;
  /** Users allowed on the admin console (`psql -p <port> pgbouncer`): SHOW POOLS, SHOW STATS... */
  adminUsers?: string[];
  /** Server connections per (database, user) pool; default defaultPoolSize(). */
  poolSize?: number;
  maxClientConn?: number;
}

export interface RunningPgBouncer {
  port: number;
  dir: string;
  pid: number;
  poolSize: number;
  version: string;
  /** `postgres://user:password@127.0.0.1:<port>/<database>` */
  url(user: string, password: string, database: string): string;
  stop(): Promise<void>;
}

function iniFile(options: PgBouncerOptions, port: number, poolSize: number): string {
  return [
    '; Written by the project (packages/testing/src/provider/pgbouncer.ts): edits are overwritten.',
    '[databases]',
    '; Any database name is passed through to the same server: per-test clones need no entry of their own.',
    `* = host=127.0.0.1 port=${options.serverPort}`,
    '',
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir = ${options.dir}`,
    '; A server connection serves one client transaction at a time, then goes back to the pool: session state',
    '; (SET, prepared statements, advisory locks, LISTEN) does not survive the transaction. withTenant sets the',
    '; tenant transaction-locally, so nothing leaks.',
    'pool_mode = transaction',
    `default_pool_size = ${poolSize}`,
    `max_db_connections = ${poolSize}`,
    'reserve_pool_size = 0',
    `max_client_conn = ${options.maxClientConn ?? 1000}`,
    '; Clients prove a password against the SCRAM secrets of the auth_file; trust is never used.',
    'auth_type = scram-sha-256',
    `auth_file = ${join(options.dir, 'userlist.txt')}`,
    `admin_users = ${(options.adminUsers ?? []).join(', ')}`,
    `stats_users = ${(options.adminUsers ?? []).join(', ')}`,
    '; Transaction mode never runs the reset query; a server connection whose client left mid-transaction is closed.',
    'server_reset_query = DISCARD ALL',
    'log_connections = 0',
    'log_disconnections = 0',
    `logfile = ${join(options.dir, 'pgbouncer.log')}`,
    `pidfile = ${join(options.dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n');
}

function userlist(users: Record<string, string>): string {
  return Object.entries(users)
    .map(([user, password]) => `"${user}" "${scramSecret(password)}"`)
    .join('\n')
    .concat('\n');
}

export function readPid(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'pgbouncer.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'pgbouncer.log'), 'utf8').split('\n').slice(-10).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops the PgBouncer whose pid file is in `dir`: SIGINT (safe shutdown), then SIGTERM after `graceMs`. */
export async function stopPgBouncerIn(dir: string, graceMs = 5_000): Promise<boolean> {
  const pid = readPid(dir);
  if (!pid || !processAlive(pid)) return false;
  process.kill(pid, 'SIGINT');
  for (const deadline = Date.now() + graceMs; Date.now() < deadline; await sleep(50)) {
    if (!processAlive(pid)) return true;
  }
  process.kill(pid, 'SIGTERM');
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(50)) {
    if (!processAlive(pid)) return true;
  }
  process.kill(pid, 'SIGKILL');
  return true;
}

/** Writes the config and starts PgBouncer as a daemon; resolves once it accepts connections. */
export async function startPgBouncer(options: PgBouncerOptions): Promise<RunningPgBouncer> {
  const bin = findPgBouncer();
  if (!bin) throw new Error(pgbouncerInstallHint());
  const poolSize = options.poolSize ?? defaultPoolSize();
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  chmodSync(options.dir, 0o700);
  let port = await freePort(options.port);
  for (let attempt = 0; ; attempt++) {
    const ini = join(options.dir, 'pgbouncer.ini');
    writeFileSync(ini, iniFile(options, port, poolSize));
    writeFileSync(join(options.dir, 'userlist.txt'), userlist(options.users), { mode: 0o600 });
    rmSync(join(options.dir, 'pgbouncer.log'), { force: true });
    chownToServerUser(options.dir);
    const [cmd, args] = asServerUser(bin, ['-d', '-q', ini]);
    try {
      await run(cmd, args);
    } catch (error) {
      const log = logTail(options.dir);
      if (attempt < 5 && /Address already in use/i.test(log)) {
        port = await freePort(port + 1);
        continue;
      }
      throw new Error(`pgbouncer failed to start: ${(error as Error).message}\n${log}`);
    }
    // -d returns once the daemon forked; wait for its pid file and listening socket.
    for (const deadline = Date.now() + 10_000; ; await sleep(50)) {
      const pid = readPid(options.dir);
      if (pid && processAlive(pid) && !(await freePort(port).then((p) => p === port))) {
        return {
          port,
          dir: options.dir,
          pid,
          poolSize,
          version: pgbouncerVersion(bin),
          url: (user, password, database) =>
            `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
          stop: async () => {
            await stopPgBouncerIn(options.dir);
          },
        };
      }
      if (Date.now() > deadline) {
        throw new Error(`pgbouncer did not start listening on 127.0.0.1:${port}:\n${logTail(options.dir)}`);
      }
    }
  }
}

/**
 * A PgBouncer for one run (tests, drills) in a temporary folder. A detached watchdog stops it and deletes
 * the folder as soon as this process is gone, so Ctrl-C or `kill -9` never leaves one behind.
 */
export async function startThrowawayPgBouncer(
  options: Omit<PgBouncerOptions, 'dir' | 'port'> & { port?: number },
): Promise<RunningPgBouncer> {
  const dir = mkdtempSync(join(tmpdir(), 'b2b-pgb-'));
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
    `[ -f '${dir}/pgbouncer.pid' ] && kill -TERM "$(cat '${dir}/pgbouncer.pid')" 2>/dev/null`,
    'sleep 0.5',
    `rm -rf '${dir}'`,
  ].join('; ');
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  try {
    const bouncer = await startPgBouncer({ ...options, dir, port: options.port ?? 6432 });
    return {
      ...bouncer,
      stop: async () => {
        await stopPgBouncerIn(dir, 0);
        watchdog.kill();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    watchdog.kill();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** True when something listens on the port (a cheap liveness probe for `status`). */
export async function listening(port: number): Promise<boolean> {
  return (await freePort(port)) !== port;
}
