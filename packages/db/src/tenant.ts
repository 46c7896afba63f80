// Tenant context: set transaction-locally, so it cannot leak to the next user of a pooled connection
// (also behind PgBouncer in transaction mode).
import type pg from 'pg';
import { type Queryable, type TransactionOptions, withTransaction } from './transaction';

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
  assertUuid(context.tenantId, 'tenantId');
  assertUuid(context.userId, 'userId');
  if (!context.tenantId) throw new InvalidTenantContextError('tenantId is required');
  return withTransaction(
    pool,
    async (client) => {
      await client.query(
        `select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`,
        [context.tenantId, context.userId ?? ''],
      );
      return fn(client);
    },
    options,
  );
}
