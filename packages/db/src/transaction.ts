// Transactions that retry what PostgreSQL asks to be retried: serialization failures and deadlocks.
import type pg from 'pg';
import { mapDbError, RETRYABLE_SQLSTATES, RetryExhaustedError } from './errors';

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  isolation?: Isolation;
  /** Attempts in all, including the first (default 5). */
  attempts?: number;
  /** First backoff in ms; doubles each retry, with full jitter (default 10). */
  baseDelayMs?: number;
  readOnly?: boolean;
}

export type Queryable = pg.PoolClient;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sqlstateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `fn` in a transaction on one pooled connection. On a serialization failure or deadlock the
 * whole transaction is retried (so `fn` must be safe to run again); any other error rolls back and
 * is rethrown as a typed DbError.
 */
export function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: Queryable) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return runTransaction(pool, fn, options);
}

/**
 * withTransaction, with `prelude`: SQL without parameters sent in the same message as `begin` (one round
 * trip fewer). For withTenant only, which builds it from checked UUIDs; not exported from the package.
 */
export async function runTransaction<T>(
  pool: pg.Pool,
  fn: (client: Queryable) => Promise<T>,
  options: TransactionOptions,
  prelude?: string,
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 10;
  const begin = [
    'begin',
    options.isolation ? `isolation level ${options.isolation}` : '',
    options.readOnly ? 'read only' : '',
  ]
    .filter(Boolean)
    .join(' ');
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(prelude ? `${begin}; ${prelude}` : begin);
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      try {
        await client.query('rollback');
      } catch {
        broken = true; // the connection is unusable; do not return it to the pool
      }
      const sqlstate = sqlstateOf(error);
      if (sqlstate && RETRYABLE_SQLSTATES.has(sqlstate)) {
        if (attempt < attempts) {
          await sleep(Math.random() * baseDelayMs * 2 ** (attempt - 1));
          continue;
        }
        throw new RetryExhaustedError(
          `The transaction kept conflicting with concurrent ones (${sqlstate === '40P01' ? 'deadlock' : 'serialization failure'}) and was abandoned after ${attempts} attempts.`,
          { code: 'retry_exhausted', sqlstate, cause: error },
        );
      }
      throw mapDbError(error);
    } finally {
      client.release(broken);
    }
  }
}
