// `pnpm db:migrate`: bootstrap, checksum-locked versioned migrations (node-pg-migrate), then repeatables.
import { readFileSync } from 'node:fs';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import {
  assertAllDistributed,
  CITUS_DISTRIBUTES_FROM,
  distributeNewTables,
  distributeTenantFunctions,
  hasCitus,
  prepareCitusSession,
} from './citus';
import {
  type BootstrapLevel,
  bootstrapFiles,
  readDomains,
  repeatableFiles,
  type SqlFile,
  versionedFiles,
} from './files';
import {
  appliedMigrations,
  appliedRepeatables,
  CHECKSUM_SETTING,
  ensureLedger,
  LEDGER_SCHEMA,
  MIGRATIONS_TABLE,
  setMigrationChecksum,
} from './ledger';
import { splitSqlStatements, statementsOfPlainQuery } from './split-sql';

export const OWNER_ROLE = 'b2b_owner';

export interface MigrateOptions {
  /** Connection URL of a superuser, or of a member of the owner role with CREATEROLE. */
  url: string;
  /** The sql/ folder. */
  sqlDir: string;
  /** Migration names whose edits are accepted: their recorded checksum is replaced (the escape hatch). */
  acceptEdited?: string[];
  log?: (line: string) => void;
  /** Per-statement limits; a migration waiting on a lock fails instead of queueing traffic behind it. */
  lockTimeout?: string;
  statementTimeout?: string;
}

export interface MigrateResult {
  applied: string[];
  repeatablesApplied: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** A client with the limits every migration runs under. */
export async function connectMigrator(options: MigrateOptions): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: options.url, application_name: 'b2b-migrate' });
  await client.connect();
  await client.query(
    `select set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)`,
    [
      options.lockTimeout ?? process.env.B2B_MIGRATION_LOCK_TIMEOUT ?? '5s',
      options.statementTimeout ?? process.env.B2B_MIGRATION_STATEMENT_TIMEOUT ?? '10min',
    ],
  );
  return client;
}

/**
 * Roles and database grants (sql/bootstrap), then the ledger, then acts as the owner role. On Citus (the
 * database has the citus extension) the session gets the settings migrating there needs (citus.ts;
 * Citus propagates the roles and the grants on the database and on schema public to the workers).
 * Returns whether the database has Citus.
 */
export async function prepare(client: pg.Client, sqlDir: string): Promise<boolean> {
  for (const file of bootstrapFiles(sqlDir)) {
    await runFile(client, file, 'bootstrap');
  }
  const citus = await hasCitus(client);
  if (citus) {
    await prepareCitusSession(client);
  }
  await client.query(`set role ${OWNER_ROLE}`);
  await ensureLedger(client);
  return citus;
}

/**
 * Back to the connecting (super)user for sql/bootstrap/after_migrate: steps on migrated objects that
 * the owner role may not take (ALTER FUNCTION ... LEAKPROOF). Each file is idempotent and runs every time,
 * so a restored or drifted database is repaired by the next migrate.
 */
async function finish(client: pg.Client, sqlDir: string, citus = false): Promise<void> {
  await client.query('reset role');
  for (const file of bootstrapFiles(sqlDir, ['after_migrate'])) {
    await runFile(client, file, 'bootstrap');
    // On Citus the shards' queries are planned on the workers, and Citus carries an ALTER FUNCTION to
    // them only for its distributed functions (not pg_catalog's jsonb_eq): run the file on each worker too.
    if (citus) await runOnWorkers(client, file);
  }
}

/** A bootstrap file run on every worker of a Citus cluster (run_command_on_workers); a failure names the node. */
async function runOnWorkers(client: pg.Client, file: SqlFile): Promise<void> {
  const sql = readFileSync(file.absolutePath, 'utf8');
  const { rows } = await client.query<{
    nodename: string;
    nodeport: number;
    success: boolean;
    result: string;
  }>('select nodename, nodeport, success, result from run_command_on_workers($1)', [sql]);
  const failed = rows.filter((r) => !r.success);
  if (failed.length > 0)
    throw new MigrationError(
      `bootstrap ${file.path} failed on ${failed.map((r) => `${r.nodename}:${r.nodeport}: ${r.result}`).join('; ')}`,
    );
}

/** Only the database-level bootstrap (privileges on the database): for clones of a migrated template. */
export async function bootstrapDatabase(options: Pick<MigrateOptions, 'url' | 'sqlDir'>): Promise<void> {
  const client = new pg.Client({ connectionString: options.url, application_name: 'b2b-migrate' });
  await client.connect();
  try {
    for (const file of bootstrapFiles(options.sqlDir, ['database'])) await runFile(client, file, 'bootstrap');
  } finally {
    await client.end();
  }
}

/**
 * The given bootstrap levels, each file as the connecting superuser, nothing else: for a database restored
 * from a dump (`pnpm db:restore`), whose schema must stay as dumped. `cluster` and `database` before the
 * restore (roles, which a dump does not hold; database grants), `after_migrate` after it (the leakproof marks
 * on pg_catalog and extension functions, which a dump does not hold either).
 */
export async function runBootstrap(
  options: Pick<MigrateOptions, 'url' | 'sqlDir'>,
  levels: BootstrapLevel[],
): Promise<void> {
  const client = new pg.Client({ connectionString: options.url, application_name: 'b2b-migrate' });
  await client.connect();
  try {
    for (const file of bootstrapFiles(options.sqlDir, levels)) await runFile(client, file, 'bootstrap');
  } finally {
    await client.end();
  }
}

/** Domains whose repeatable objects stay on the node that migrates them, on Citus (see runFile). */
export const NODE_LOCAL_SCHEMAS: readonly string[] = ['ops'];

async function runFile(client: pg.ClientBase, file: SqlFile, what: string, citus = false): Promise<void> {
  try {
    const sql = readFileSync(file.absolutePath, 'utf8');
    // The health views read the statistics of the node they run on (pg_stat_statements, locks, bloat):
    // on Citus they are each node's own objects, created where the migrator runs (the coordinator), not
    // propagated (docs/scaling.md, "What differs from plain PostgreSQL").
    const nodeLocal = citus && NODE_LOCAL_SCHEMAS.some((schema) => file.path.startsWith(`${schema}/`));
    if (nodeLocal) await client.query('set citus.enable_ddl_propagation = off');
    try {
      // on Citus one statement at a time (split-sql.ts says why)
      for (const statement of citus ? splitSqlStatements(sql) : [sql]) await client.query(statement);
    } finally {
      if (nodeLocal) await client.query('reset citus.enable_ddl_propagation');
    }
  } catch (error) {
    const e = error as Error & { position?: string; code?: string };
    throw new MigrationError(
      `${what} sql/${file.path} failed: ${e.message}${e.code ? ` (SQLSTATE ${e.code})` : ''}`,
    );
  }
}

/** Refuses when an applied migration was edited or removed, naming the file. */
async function verifyChecksums(client: pg.Client, sqlDir: string, options: MigrateOptions): Promise<void> {
  const files = new Map(versionedFiles(sqlDir).map((f) => [f.name, f]));
  const accepted = new Set(options.acceptEdited ?? []);
  const log = options.log ?? (() => {});
  for (const applied of await appliedMigrations(client)) {
    const file = files.get(applied.name);
    if (!file) {
      throw new MigrationError(
        `Applied migration ${applied.name} has no file any more under sql/*/migrations/. ` +
          'Released migrations are append-only: restore the file, or roll back before removing it.',
      );
    }
    if (applied.checksum === null) {
      await setMigrationChecksum(client, applied.name, file.checksum);
      log(`recorded the checksum of sql/${file.path} (applied before checksums were kept)`);
    } else if (applied.checksum !== file.checksum) {
      if (accepted.has(applied.name)) {
        await setMigrationChecksum(client, applied.name, file.checksum);
        log(
          `accepted the edit of sql/${file.path}: its new checksum is recorded; the database was not changed`,
        );
        continue;
      }
      throw new MigrationError(
        `sql/${file.path} was edited after it was applied (checksum ${applied.checksum.slice(0, 12)}, ` +
          `file now ${file.checksum.slice(0, 12)}). Released migrations are immutable: revert the edit and ` +
          'add a new migration. If the edit changes nothing in the database (a comment, formatting), ' +
          `accept it with: pnpm db:migrate --accept-edited ${applied.name}`,
      );
    }
  }
}

/** node-pg-migrate's ledger row of a migration it has just run (its last statement in the transaction). */
const MARK_AS_RUN = `INSERT INTO "${LEDGER_SCHEMA}"."${MIGRATIONS_TABLE}"`;

/**
 * The client node-pg-migrate drives, with `beforeMark` run just before each migration's ledger row is
 * written: after the migration's own statements, in its transaction (the Citus distribution step).
 */
function withHookBeforeLedgerRow(client: pg.Client, beforeMark: (sql: string) => Promise<void>): pg.Client {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') {
        return async (...args: unknown[]) => {
          const first = args[0];
          const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
          if (text?.startsWith(MARK_AS_RUN)) await beforeMark(text);
          // a migration's up section, sent as one query: on Citus one statement at a time (split-sql.ts)
          const statements = statementsOfPlainQuery(args) ?? [];
          if (statements.length > 1) {
            let result: unknown;
            for (const statement of statements) result = await target.query(statement);
            return result;
          }
          return (target.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function runVersioned(
  client: pg.Client,
  sqlDir: string,
  direction: 'up' | 'down',
  count: number | undefined,
  log: (l: string) => void,
  citus = false,
) {
  const files = versionedFiles(sqlDir);
  await client.query(`select set_config($1, $2, false)`, [
    CHECKSUM_SETTING,
    JSON.stringify(Object.fromEntries(files.map((f) => [f.name, f.checksum]))),
  ]);
  if (files.length === 0) return [];
  const domains = readDomains(sqlDir);
  // on Citus both directions send a migration's section one statement at a time; only up distributes
  const dbClient = !citus
    ? client
    : direction === 'down'
      ? withHookBeforeLedgerRow(client, async () => {})
      : withHookBeforeLedgerRow(client, async (mark) => {
          const name = /VALUES \('([^']+)'/.exec(mark)?.[1] ?? '';
          const last = name === files[files.length - 1]?.name;
          // released migrations before CITUS_DISTRIBUTES_FROM run on local tables (see there)
          if (name < CITUS_DISTRIBUTES_FROM && !last) return;
          for (const done of await distributeNewTables(client, domains)) log(`> citus: ${done}`);
          // after the last migration, before the transaction commits: nothing may stay local
          if (last) await assertAllDistributed(client, domains);
        });
  const ran = await runner({
    dbClient,
    dir: files.map((f) => f.absolutePath),
    useGlob: true,
    migrationsSchema: LEDGER_SCHEMA,
    migrationsTable: MIGRATIONS_TABLE,
    direction,
    count,
    checkOrder: true,
    singleTransaction: true,
    noLock: false,
    advisoryLockMode: 'wait',
    log,
  });
  return ran.map((m) => m.name);
}

async function distributeRemaining(
  client: pg.Client,
  sqlDir: string,
  log: (l: string) => void,
): Promise<void> {
  const domains = readDomains(sqlDir);
  await client.query('begin');
  try {
    for (const done of await distributeNewTables(client, domains)) log(`> citus: ${done}`);
    await assertAllDistributed(client, domains);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw new MigrationError(`distributing the tables on Citus failed: ${(error as Error).message}`);
  }
}

/** Applies changed repeatable files, all in one transaction: a failure leaves the database as it was. */
async function applyRepeatables(
  client: pg.Client,
  sqlDir: string,
  log: (l: string) => void,
  citus = false,
): Promise<string[]> {
  const recorded = await appliedRepeatables(client);
  const files = repeatableFiles(sqlDir);
  const changed = files.filter((f) => recorded.get(f.path) !== f.checksum);
  const present = new Set(files.map((f) => f.path));
  const removed = [...recorded.keys()].filter((p) => !present.has(p));
  if (changed.length === 0 && removed.length === 0) return [];
  await client.query('begin');
  try {
    for (const file of changed) {
      log(`> repeatable sql/${file.path}`);
      await runFile(client, file, 'repeatable', citus);
      await client.query(
        `insert into ${LEDGER_SCHEMA}.repeatables (path, checksum) values ($1, $2)
         on conflict (path) do update set checksum = excluded.checksum, applied_at = now()`,
        [file.path, file.checksum],
      );
    }
    for (const path of removed) {
      log(`! sql/${path} was removed; the object it defined stays until a versioned migration drops it`);
      await client.query(`delete from ${LEDGER_SCHEMA}.repeatables where path = $1`, [path]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return changed.map((f) => f.path);
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const client = await connectMigrator(options);
  try {
    const citus = await prepare(client, options.sqlDir);
    await verifyChecksums(client, options.sqlDir, options);
    const applied = await runVersioned(client, options.sqlDir, 'up', undefined, log, citus);
    // Nothing pending, yet tables of ours that are not Citus tables (a database that got the citus
    // extension after it was migrated): distribute them now, by the same rule, in one transaction.
    if (citus && applied.length === 0) await distributeRemaining(client, options.sqlDir, log);
    const repeatablesApplied = await applyRepeatables(client, options.sqlDir, log, citus);
    if (citus) {
      await client.query('begin');
      try {
        for (const fn of await distributeTenantFunctions(client, readDomains(options.sqlDir)))
          log(`> citus: ${fn}: distributed function on p_tenant_id`);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new MigrationError(`distributing the tenant functions failed: ${(error as Error).message}`);
      }
    }
    await finish(client, options.sqlDir, citus);
    return { applied, repeatablesApplied };
  } finally {
    await client.end();
  }
}

/**
 * `pnpm db:rollback [n]`: runs the down sections of the last n migrations (newest first), in one
 * transaction. Repeatables are marked for re-application, since the objects they defined may be gone.
 */
export async function rollback(options: MigrateOptions & { count: number }): Promise<string[]> {
  const log = options.log ?? (() => {});
  const client = await connectMigrator(options);
  try {
    const citus = await prepare(client, options.sqlDir);
    await verifyChecksums(client, options.sqlDir, options);
    const applied = await appliedMigrations(client);
    if (applied.length === 0) return [];
    const count = Math.min(options.count, applied.length);
    const rolledBack = await runVersioned(client, options.sqlDir, 'down', count, log, citus);
    await client.query(`delete from ${LEDGER_SCHEMA}.repeatables`);
    log('repeatables will be re-applied by the next db:migrate');
    return rolledBack;
  } finally {
    await client.end();
  }
}
