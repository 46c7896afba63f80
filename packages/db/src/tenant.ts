// Tenant context: set transaction-locally (SET LOCAL, through app.set_tenant), so it cannot leak to the
// next user of a pooled connection (also behind PgBouncer in transaction mode), and reaches every Citus node.
import type pg from 'pg';
import { mapDbError } from './errors';
import { type AfterCommit, type Queryable, runTransaction, type TransactionOptions } from './transaction';

export interface TenantContext {
  tenantId: string;
  /** The acting staff user or buyer, when there is one. */
  userId?: string;
  /**
   * The data key of the encrypted personal data (tax ids, phone numbers; docs/data-protection.md): a
   * random secret of 32 to 256 characters from the application's key store, never stored in the database.
   * Sent as a bind parameter of `select app.set_data_key($1)` (SET LOCAL for the transaction, propagated to
   * Citus workers), so no statement text and no statistics hold it. Without it, reading or writing an
   * encrypted value throws DataKeyError `data_key_missing` (B4101); a key that is not the database's throws
   * DataKeyError `data_key_wrong` (B4102) before anything runs, a malformed one `data_key_invalid` (B4103).
   */
  dataKey?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidTenantContextError extends Error {
  override name = 'InvalidTenantContextError';
}

function assertUuid(value: string | undefined, what: string): void {
  if (value !== undefined && !UUID.test(value)) {
    throw new InvalidTenantContextError(`${what} must be a UUID, got ${JSON.stringify(value)}`);
  }
}

// The tenant each client of a withTenant transaction acts for, so that package functions can pass it to
// SQL as a value (the routing argument on Citus) without asking the server.
const tenantOfClient = new WeakMap<object, string>();

/**
 * The tenant id (uuid string) the client acts for: the one given to the withTenant call that handed it out.
 * Throws InvalidTenantContextError for a client that did not come from withTenant (or after it ended).
 * Package functions pass it as `p_tenant_id` / `tenant_id = :tenantId`, so every statement names its tenant.
 */
export function tenantOf(client: Queryable): string {
  const tenantId = tenantOfClient.get(client);
  if (!tenantId)
    throw new InvalidTenantContextError(
      'this client does not act for a tenant: use the one withTenant() passes',
    );
  return tenantId;
}

/** `select app.set_tenant(...)` with the two ids inlined: only after both passed the UUID check. */
function setTenantSql(context: TenantContext): { tenantId: string; sql: string } {
  // Coerced once: the very strings checked below are the ones inlined into the SQL.
  const tenantId = String(context.tenantId ?? '');
  const userId = context.userId === undefined ? undefined : String(context.userId);
  if (!tenantId) throw new InvalidTenantContextError('tenantId is required');
  assertUuid(tenantId, 'tenantId');
  assertUuid(userId, 'userId');
  // app.set_tenant issues `set local app.tenant_id = ...` and `set local app.user_id = ...`:
  // transaction-local, and on Citus replayed on every worker the transaction reaches
  // (citus.propagate_set_commands = 'local'), where set_config(..., true) would stay on the coordinator.
  // (Why a function, not the SET text itself: see sql/app/functions/0003_function_set_tenant.sql.)
  return {
    tenantId,
    sql: `select app.set_tenant('${tenantId}', ${userId === undefined ? 'null' : `'${userId}'`})`,
  };
}

/**
 * For code that runs its own transaction on one client (the demo loader, test harnesses), not for
 * application code (use withTenant): in the transaction already open on `client`, acts for `context` the
 * way withTenant does (app.set_tenant: SET LOCAL, ended by the transaction's end), and makes
 * tenantOf(client) answer that tenant until the next actAsTenant on the client or `forgetTenant`. Throws
 * InvalidTenantContextError for ids that are not UUIDs.
 */
export async function actAsTenant(client: pg.ClientBase, context: TenantContext): Promise<void> {
  const { tenantId, sql } = setTenantSql(context);
  await client.query(sql);
  await setDataKey(client, context.dataKey);
  tenantOfClient.set(client, tenantId);
}

/**
 * Supplies the data key for the rest of the transaction open on `client` (app.set_data_key, SET LOCAL):
 * always as a bind parameter, never inlined into the text, so pg_stat_statements and statement logs keep
 * `select app.set_data_key($1)` only. Nothing is sent when `dataKey` is undefined. Throws the mapped
 * DataKeyError (`data_key_wrong` B4102, `data_key_invalid` B4103).
 */
async function setDataKey(client: Pick<pg.ClientBase, 'query'>, dataKey: string | undefined): Promise<void> {
  if (dataKey === undefined) return;
  try {
    await client.query('select app.set_data_key($1)', [dataKey]);
  } catch (error) {
    throw mapDbError(error);
  }
}

/** Undoes actAsTenant's tenantOf binding (the SET LOCAL ends with the transaction). */
export function forgetTenant(client: pg.ClientBase): void {
  tenantOfClient.delete(client);
}

/** Runs `fn` in a transaction acting for one tenant (and user). Row-level security does the rest. */
export function withTenant<T>(
  pool: pg.Pool,
  context: TenantContext,
  fn: (client: Queryable) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return runTenantTransaction(pool, context, fn, options);
}

/**
 * withTenant with a statement sent right after its commit (see AfterCommit). For @b2b/db's own helpers
 * (withTenantLsn); not exported from the package.
 */
export async function runTenantTransaction<T>(
  pool: pg.Pool,
  context: TenantContext,
  fn: (client: Queryable) => Promise<T>,
  options?: TransactionOptions,
  afterCommit?: AfterCommit,
): Promise<T> {
  // Sent with `begin` in one simple-protocol message, so a request pays one round trip fewer. Inlining the
  // values is safe only because both were just checked to be UUIDs (or absent).
  const { tenantId, sql: prelude } = setTenantSql(context);
  const acting = async (client: Queryable): Promise<T> => {
    tenantOfClient.set(client, tenantId);
    try {
      await setDataKey(client, context.dataKey);
      return await fn(client);
    } finally {
      tenantOfClient.delete(client);
    }
  };
  return runTransaction(pool, acting, options ?? {}, prelude, afterCommit);
}
