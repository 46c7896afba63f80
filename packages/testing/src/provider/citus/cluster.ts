// A local Citus cluster: one coordinator and N workers on loopback, each a PostgreSQL cluster run by the
// servers' OS user (as root: `postgres`, like the development cluster), with Citus preloaded.
//
// Authentication: no `trust`. initdb sets the superuser's password (scram-sha-256) and peer
// authentication on the Unix socket, which lives inside the 0700 data directory (so only the servers'
// OS user reaches it); every TCP connection, the nodes' own included, authenticates with scram-sha-256.
// The servers find the passwords for their internal connections in a 0600 passfile (PGPASSFILE), the
// tools in a 0600 JSON file (secrets.ts). The owner role b2b_owner logs in only on the workers: the
// coordinator's pg_hba.conf rejects it, since nothing but Citus's own connections needs it (see
// docs/scaling.md, "Roles on Citus").
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { PgBinaries } from '../binaries';
import { asServerUser, chownToServerUser } from '../os-user';
import { freePort } from '../ports';
import { type CitusPasswords, passfilePath } from './secrets';

const run = promisify(execFile);

/**
 * Shards per distributed table. Citus's default is 32; with two workers on a small machine 12 is enough:
 * 6 shards per worker spread the tenants; 12 divides evenly over 2, 3, 4 and 6 workers, so the
 * rebalancing drill (a third worker) ends with 4 shards on each; and every DDL statement of a migration
 * runs once per shard, so 12 instead of 32 makes migrating from zero (about 40 tables, run in sequential
 * mode) much faster. A tenant that outgrows its shard is isolated with isolate_tenant_to_new_shard.
 */
export const CITUS_SHARD_COUNT = 12;

/** Settings every node of the cluster starts with (written into its postgresql.conf). */
function nodeSettings(socketDir: string): string[] {
  return [
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${socketDir}'`,
    "shared_preload_libraries = 'citus'",
    'max_connections = 300',
    "password_encryption = 'scram-sha-256'",
    // shard moves while the application writes (citus_rebalance_start) copy through logical replication
    'wal_level = logical',
    // triggers and deferred constraint triggers on distributed tables (they touch one tenant's rows only)
    'citus.enable_unsafe_triggers = on',
    // SET LOCAL app.tenant_id (withTenant) reaches the workers inside the transaction, and only there
    "citus.propagate_set_commands = 'local'",
    // reference tables are written through the coordinator only (nothing of ours writes one on a worker), so
    // the coordinator needs no lock on the first worker for them; that lock (lock_shard_resources) also
    // checks write privileges on every reference table the written one references, which b2b_app, updating
    // tenancy.tenants, does not have on catalog.currencies and catalog.locales (citusdata/citus#8011)
    'citus.allow_modifications_from_workers_to_replicated_tables = off',
    `citus.shard_count = ${CITUS_SHARD_COUNT}`,
  ];
}

/** Settings that trade durability for speed: throwaway test clusters only. */
const TEST_ONLY_SETTINGS = ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'];

export interface CitusNode {
  name: string;
  dataDir: string;
  port: number;
}

export interface CitusCluster {
  root: string;
  /** nodes[0] is the coordinator. */
  nodes: CitusNode[];
  passwords: CitusPasswords;
}

async function asServer(bin: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const pairs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const [cmd, cmdArgs] = pairs.length
    ? asServerUser('env', [...pairs, bin, ...args])
    : asServerUser(bin, args);
  try {
    const { stdout } = await run(cmd, cmdArgs, { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`);
  }
}

export function nodeUrl(
  node: CitusNode,
  passwords: CitusPasswords,
  database = 'postgres',
  role: keyof CitusPasswords = 'postgres',
): string {
  return `postgres://${role}:${passwords[role]}@127.0.0.1:${node.port}/${database}`;
}

export function nodeExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** initdb with the superuser's password, peer on the socket and scram over TCP; then our settings. */
export async function initNode(
  root: string,
  node: CitusNode,
  coordinator: boolean,
  passwords: CitusPasswords,
  binaries: PgBinaries,
  ephemeral: boolean,
): Promise<void> {
  mkdirSync(node.dataDir, { recursive: true });
  chownToServerUser(node.dataDir);
  const pwfile = join(root, `.pwfile-${node.name}`);
  writeFileSync(pwfile, `${passwords.postgres}\n`, { mode: 0o600 });
  chownToServerUser(pwfile);
  try {
    await asServer(join(binaries.bindir, 'initdb'), [
      '-D',
      node.dataDir,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth-local=peer',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
  } finally {
    rmSync(pwfile, { force: true });
  }
  const socketDir = join(node.dataDir, 'sock');
  mkdirSync(socketDir, { recursive: true });
  chownToServerUser(socketDir);
  const settings = [...nodeSettings(socketDir), ...(ephemeral ? TEST_ONLY_SETTINGS : [])];
  appendFileSync(
    join(node.dataDir, 'postgresql.conf'),
    `\n# Citus ${coordinator ? 'coordinator' : 'worker'} of the b2b cluster (written by @b2b/testing)\n${settings.join('\n')}\n`,
  );
  // initdb wrote: local peer, host (127.0.0.1, ::1) scram-sha-256, replication likewise. Rules are read
  // top down: on the coordinator, reject the owner role before the scram lines.
  const hba = join(node.dataDir, 'pg_hba.conf');
  const body = readFileSync(hba, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(local|host)\s/.test(line));
  const rules = [
    'local   all             all                                     peer',
    ...(coordinator ? ['host    all             b2b_owner       127.0.0.1/32            reject'] : []),
    'host    all             all             127.0.0.1/32            scram-sha-256',
    'host    replication     all             127.0.0.1/32            scram-sha-256',
  ];
  writeFileSync(hba, `${body.join('\n')}\n# b2b Citus cluster: no trust anywhere\n${rules.join('\n')}\n`);
  chownToServerUser(node.dataDir);
}

/** Starts one node on `port` (or the next free one); returns the port it listens on. */
export async function startNode(root: string, node: CitusNode, binaries: PgBinaries): Promise<number> {
  let port = await freePort(node.port);
  for (let attempt = 0; ; attempt++) {
    try {
      await asServer(
        join(binaries.bindir, 'pg_ctl'),
        [
          '-D',
          node.dataDir,
          '-l',
          join(node.dataDir, 'server.log'),
          '-w',
          '-t',
          '60',
          'start',
          '-o',
          `-p ${port}`,
        ],
        { PGPASSFILE: passfilePath(root) },
      );
      return port;
    } catch (error) {
      const log = readLogTail(node.dataDir);
      if (attempt < 5 && /could not bind|Address already in use/i.test(log)) {
        port = await freePort(port + 1);
        continue;
      }
      throw new Error(`${(error as Error).message}\nserver log (${node.dataDir}/server.log):\n${log}`);
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

export async function stopNode(
  dataDir: string,
  binaries: PgBinaries,
  mode: 'fast' | 'immediate' = 'fast',
): Promise<void> {
  await asServer(join(binaries.bindir, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop']);
}

export async function nodeRunning(dataDir: string, binaries: PgBinaries): Promise<boolean> {
  const [cmd, args] = asServerUser(join(binaries.bindir, 'pg_ctl'), ['-D', dataDir, 'status']);
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

async function withNode<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Makes `database` a distributed database: created on every node with the citus extension, the
 * coordinator registered and the workers added; the login roles created with their passwords (Citus
 * propagates roles and passwords from the coordinator to the workers). Idempotent.
 */
export async function ensureDistributedDatabase(cluster: CitusCluster, database: string): Promise<void> {
  const [coordinator, ...workers] = cluster.nodes;
  if (!coordinator) throw new Error('a Citus cluster needs a coordinator');
  for (const node of cluster.nodes) {
    const created = await withNode(nodeUrl(node, cluster.passwords), async (c) => {
      const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [database]);
      if (!rowCount) await c.query(`create database "${database}"`);
      return !rowCount;
    });
    await withNode(nodeUrl(node, cluster.passwords, database), async (c) => {
      // A new database lets PUBLIC use schema public. sql/bootstrap/database revokes that on the
      // coordinator, but Citus propagates privileges on a schema only once the schema is a distributed
      // object, so a worker would keep its default: revoke it on every node, before anything else.
      if (created) await c.query('revoke all on schema public from public');
      await c.query('create extension if not exists citus');
    });
  }
  await withNode(nodeUrl(coordinator, cluster.passwords, database), async (c) => {
    await c.query(`select citus_set_coordinator_host('127.0.0.1', $1)`, [coordinator.port]);
    const { rows } = await c.query<{ nodeport: number }>(
      `select nodeport from pg_dist_node where groupid <> 0 and noderole = 'primary'`,
    );
    const known = new Set(rows.map((r) => r.nodeport));
    for (const worker of workers) {
      if (!known.has(worker.port)) await c.query(`select citus_add_node('127.0.0.1', $1)`, [worker.port]);
    }
    await ensureLoginRoles(c, cluster.passwords);
  });
}

/**
 * The login roles with their passwords, created on the coordinator (Citus propagates CREATE/ALTER ROLE,
 * passwords included, to every worker). b2b_owner gets LOGIN here, on the Citus cluster only, because Citus
 * connects to the workers as the current role, and migrations and security definer functions run as the
 * owner; sql/bootstrap/cluster/0001_roles.sql leaves that LOGIN alone in a database with the citus extension.
 */
async function ensureLoginRoles(client: pg.Client, passwords: CitusPasswords): Promise<void> {
  for (const [role, password] of Object.entries(passwords)) {
    if (role === 'postgres') continue;
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (!rowCount) await client.query(`create role ${role}`);
    await client.query(`alter role ${role} login password '${password}'`);
    // Roles are cluster-wide, Citus's record of distributed objects is per database: in a database created
    // after the role, Citus would propagate the role on first use inside a migration's transaction over the
    // current user's connection, and a non-superuser may not ("must be superuser to alter superuser roles").
    // Make it a distributed object here, as the superuser: Citus records a table's owner as one of the
    // table's dependencies when it distributes the table.
    const { rows } = await client.query<{ distributed: boolean }>(
      `select exists (select from pg_dist_object where classid = 'pg_authid'::regclass
                        and objid = (select oid from pg_roles where rolname = $1)) as distributed`,
      [role],
    );
    if (!rows[0]?.distributed) {
      await client.query('begin');
      await client.query('create table public.b2b_citus_role_sync (id int)');
      await client.query(`alter table public.b2b_citus_role_sync owner to ${role}`);
      await client.query(`select create_reference_table('public.b2b_citus_role_sync')`);
      await client.query('drop table public.b2b_citus_role_sync');
      await client.query('commit');
    }
  }
}
