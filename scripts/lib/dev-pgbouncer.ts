// The development PgBouncer (`pnpm db:pgbouncer up|down|status`): in front of the development cluster,
// transaction pooling, SCRAM passwords generated on first start and kept in .data/pgbouncer.json (0600).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEV_DATABASE,
  devClusterRunning,
  processAlive,
  type RunningPgBouncer,
  readPid,
  repoRoot,
  serverUserCanReach,
  startPgBouncer,
  stopPgBouncerIn,
} from '@b2b/testing/provider';

const STATE_FILE = join(repoRoot, '.data', 'pgbouncer.json');
/** PgBouncer's customary port; the next free one is taken when it is busy. */
const PREFERRED_PORT = 6432;
/** The roles that may log in through it; `pgbouncer` is the admin console's user (SHOW POOLS, ...). */
export const POOLED_ROLES = ['b2b_app', 'b2b_readonly', 'b2b_analytics'] as const;
export const CONSOLE_USER = 'pgbouncer';

export interface DevPgBouncerState {
  dir: string;
  port: number;
  /** The development cluster's port it was started for. */
  serverPort: number;
  passwords: Record<string, string>;
}

export function readDevPgBouncerState(): DevPgBouncerState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DevPgBouncerState;
}

function writeState(state: DevPgBouncerState): void {
  mkdirSync(join(repoRoot, '.data'), { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** .data/pgbouncer, or (when the server's OS user cannot reach the checkout) a folder under /var/tmp. */
function chooseDir(): string {
  const dataRoot = join(repoRoot, '.data');
  mkdirSync(dataRoot, { recursive: true });
  if (serverUserCanReach(dataRoot)) return join(dataRoot, 'pgbouncer');
  const tag = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
  return join('/var/tmp', `b2b-dev-pgbouncer-${tag}`);
}

export function devPgBouncerUrl(state: DevPgBouncerState, role: string, database = DEV_DATABASE): string {
  const password = state.passwords[role];
  if (!password) throw new Error(`no PgBouncer password for ${role}`);
  return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${state.port}/${database}`;
}

/** The running development PgBouncer's state, or undefined. */
export function devPgBouncerRunning(): DevPgBouncerState | undefined {
  const state = readDevPgBouncerState();
  const pid = state && readPid(state.dir);
  return state && pid && processAlive(pid) ? state : undefined;
}

/**
 * Starts it (or leaves a running one) in front of the running development cluster, on `port` (default: the
 * port it had, else 6432; the next free one when that is busy).
 */
export async function ensureDevPgBouncer(port?: number): Promise<DevPgBouncerState & { started: boolean }> {
  if (process.env.DATABASE_URL) {
    throw new Error('db:pgbouncer runs in front of the local development cluster; DATABASE_URL is set.');
  }
  const cluster = await devClusterRunning();
  if (!cluster) throw new Error('The development database is not running: start it with `pnpm db:up`.');
  const previous = readDevPgBouncerState();
  if (previous && devPgBouncerRunning()) {
    if (previous.serverPort === cluster.port) return { ...previous, started: false };
    await stopPgBouncerIn(previous.dir); // the cluster moved to another port: follow it
  }
  const passwords: Record<string, string> = { ...(previous?.passwords ?? {}) };
  for (const role of [...POOLED_ROLES, CONSOLE_USER]) {
    passwords[role] ??= randomBytes(18).toString('base64url');
  }
  const dir = previous?.dir ?? chooseDir();
  const bouncer: RunningPgBouncer = await startPgBouncer({
    serverPort: cluster.port,
    dir,
    port: port ?? previous?.port ?? PREFERRED_PORT,
    users: passwords,
    adminUsers: [CONSOLE_USER],
  });
  const state = { dir, port: bouncer.port, serverPort: cluster.port, passwords };
  writeState(state);
  return { ...state, started: true };
}

export async function stopDevPgBouncer(): Promise<boolean> {
  const state = readDevPgBouncerState();
  return state ? stopPgBouncerIn(state.dir) : false;
}
