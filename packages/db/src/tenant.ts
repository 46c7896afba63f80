// Tenant context: set transaction-locally, so it cannot leak to the next user of a pooled connection
// (also behind PgBouncer in transaction mode).
import type pg from 'pg';
import { type Queryable, runTransaction, type TransactionOptions } from './transaction';

export interface TenantContext {
  tenantId: string;
  /** The acting staff user or buyer, when there is one. */
  userId?: string;
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

/** Runs `fn` in a transaction acting for one tenant (and user). Row-level security does the rest. */
export async function withTenant<T>(
  pool: pg.Pool,
  context: TenantContext,
  fn: (client: Queryable) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  // Coerced once: the very strings checked below are the ones inlined into the SQL.
  const tenantId = String(context.tenantId ?? '');
  const userId = context.userId === undefined ? undefined : String(context.userId);
  if (!tenantId) throw new InvalidTenantContextError('tenantId is required');
  assertUuid(tenantId, 'tenantId');
  assertUuid(userId, 'userId');
  // Sent with `begin` in one simple-protocol message, so a request pays one round trip fewer. Inlining the
  // values is safe only because both were just checked to be UUIDs (or absent).
  const prelude = `select set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId ?? ''}', true)`;
  return runTransaction(pool, fn, options ?? {}, prelude);
}
