// Where the development database is: DATABASE_URL, or the local cluster that `db:up` keeps in .data/.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRoleOption } from '@b2b/testing';
import {
  DEV_CA_FILE,
  DEV_DATABASE,
  devClusterRunning,
  ensureDevCluster,
  repoRoot,
} from '@b2b/testing/provider';
import pg from 'pg';

export const SQL_DIR = join(repoRoot, 'sql');

export interface DevDatabase {
  /** Superuser (migrator) URL of the development database. */
  adminUrl: string;
  /** URL for the application role (RLS applies). */
  appUrl: string;
  source: 'DATABASE_URL' | 'local cluster';
  /** Local cluster only: the authority of its TLS certificate (sslrootcert for sslmode=verify-full). */
  caFile?: string;
}

/** The monitoring role's password on the development cluster (made by `pnpm db:up`, mode 0600). */
export const MONITOR_PASSWORD_FILE = join(repoRoot, '.data', 'monitor.password');

function withUserAndDb(url: string, user: string, database: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  u.pathname = `/${database}`;
  return u.toString();
}

/** The running development database; starts nothing. */
export async function currentDevDatabase(): Promise<DevDatabase | undefined> {
  if (process.env.DATABASE_URL) return fromEnv(process.env.DATABASE_URL);
  const state = await devClusterRunning();
  if (!state) return undefined;
  return fromCluster(`postgres://postgres@127.0.0.1:${state.port}/postgres`);
}

function fromEnv(url: string): DevDatabase {
  // The application role's password is not ours to know: this URL logs in as DATABASE_URL's user and
  // switches to b2b_app at connection start, so RLS and grants apply as they will for the application.
  return { adminUrl: url, appUrl: withRoleOption(url, 'b2b_app'), source: 'DATABASE_URL' };
}

function fromCluster(clusterUrl: string): DevDatabase {
  return {
    adminUrl: withUserAndDb(clusterUrl, 'postgres', DEV_DATABASE),
    appUrl: withUserAndDb(clusterUrl, 'b2b_app', DEV_DATABASE),
    source: 'local cluster',
    caFile: existsSync(DEV_CA_FILE) ? DEV_CA_FILE : undefined,
  };
}

/** `url` checked against the cluster's own certificate authority: TLS, host name verified. */
export function withVerifyFull(url: string, caFile: string): string {
  const u = new URL(url);
  u.searchParams.delete('sslmode');
  u.searchParams.delete('sslrootcert');
  // A path of plain characters is written as is, so the printed URL stays readable (libpq and
  // node-postgres decode a %-encoded one too).
  const path = /^[A-Za-z0-9/._-]+$/.test(caFile) ? caFile : encodeURIComponent(caFile);
  return `${u.toString()}${u.search ? '&' : '?'}sslmode=verify-full&sslrootcert=${path}`;
}

/**
 * Local cluster only: gives b2b_monitor (a SCRAM role, see packages/testing/src/provider/hba.ts) a random
 * password kept in .data/monitor.password, when that file is new or the role has none. Returns the URL
 * that logs in with it over TLS (verify-full).
 */
export async function ensureMonitorLogin(db: DevDatabase): Promise<string | undefined> {
  if (db.source !== 'local cluster' || !db.caFile) return undefined;
  const created = !existsSync(MONITOR_PASSWORD_FILE);
  if (created)
    writeFileSync(MONITOR_PASSWORD_FILE, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  const password = readFileSync(MONITOR_PASSWORD_FILE, 'utf8').trim();
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ missing: boolean }>(
      `select rolpassword is null as missing from pg_authid where rolname = 'b2b_monitor'`,
    );
    // The server hashes it (password_encryption = scram-sha-256); only the verifier is stored.
    if (created || rows[0]?.missing)
      await client.query(`alter role b2b_monitor password ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  return monitorUrlOf(db, password);
}

function monitorUrlOf(db: DevDatabase, password: string): string {
  const u = new URL(withUserAndDb(db.adminUrl, 'b2b_monitor', DEV_DATABASE));
  u.password = password;
  return withVerifyFull(u.toString(), db.caFile ?? DEV_CA_FILE);
}

/**
 * How `pnpm db:health` connects as the monitoring role: B2B_MONITOR_URL when set; with DATABASE_URL, that
 * login switching to b2b_monitor at connection start (it must be a member of b2b_monitor); else the local
 * cluster's b2b_monitor with its password, over TLS verified against the cluster's authority.
 */
export async function requireMonitorUrl(): Promise<string> {
  if (process.env.B2B_MONITOR_URL) return process.env.B2B_MONITOR_URL;
  if (process.env.DATABASE_URL) return withRoleOption(process.env.DATABASE_URL, 'b2b_monitor');
  const db = await requireDevDatabase();
  if (!existsSync(MONITOR_PASSWORD_FILE) || !db.caFile) {
    throw new Error('The monitoring role has no password yet: run `pnpm db:up` once.');
  }
  return monitorUrlOf(db, readFileSync(MONITOR_PASSWORD_FILE, 'utf8').trim());
}

/** Starts the local cluster when needed and makes sure the development database exists. */
export async function ensureDevDatabase(say: (line: string) => void): Promise<DevDatabase> {
  if (process.env.DATABASE_URL) return fromEnv(process.env.DATABASE_URL);
  const cluster = await ensureDevCluster();
  if (cluster.created) say(`initialised a PostgreSQL cluster in ${cluster.dataDir}`);
  say(
    cluster.started
      ? `started PostgreSQL on 127.0.0.1:${cluster.port}`
      : `PostgreSQL already running on 127.0.0.1:${cluster.port}`,
  );
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DEV_DATABASE]);
    if (!rowCount) {
      await client.query(`create database ${DEV_DATABASE}`);
      say(`created database ${DEV_DATABASE}`);
    }
  } finally {
    await client.end();
  }
  return fromCluster(cluster.url);
}

export async function requireDevDatabase(): Promise<DevDatabase> {
  const db = await currentDevDatabase();
  if (!db) throw new Error('The development database is not running: start it with `pnpm db:up`.');
  return db;
}

/**
 * `url` with a session setting added to its `options` (kept: a role set there). Encoded by hand like
 * withRoleOption: libpq (psql) does not decode '+' as a space. For `db:psql --tenant`: the session acts for
 * one tenant (app.tenant_id), where the application sets it per transaction.
 */
export function withSessionSetting(url: string, name: string, value: string): string {
  if (!/^[a-z_][a-z0-9_.]*$/.test(name) || !/^[A-Za-z0-9._-]+$/.test(value)) {
    throw new Error(`not a plain setting: ${name}=${value}`);
  }
  const u = new URL(url);
  const existing = u.searchParams.get('options');
  u.searchParams.delete('options');
  const options = [existing, `-c ${name}=${value}`].filter(Boolean).join(' ');
  return `${u.toString()}${u.search ? '&' : '?'}options=${encodeURIComponent(options)}`;
}
