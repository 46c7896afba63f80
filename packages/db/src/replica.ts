// Read routing: a replica pool for read-only work beside the primary pool, and read-your-writes. A write
// returns its commit's WAL position (an LSN); a read given that LSN waits, on the replica, until the replica
// has replayed it (app.wait_for_replay), and runs on the primary instead when that takes longer than a bound.
import type pg from 'pg';
import { DbError } from './errors';
import { createPool, type PoolOptions } from './pool';
import { runTenantTransaction, type TenantContext } from './tenant';
import type { Queryable, TransactionOptions } from './transaction';

/** The two pools of createPools: writes and fresh reads go to `primary`, other reads to `replica`. */
export interface Pools {
  primary: pg.Pool;
  /** Every connection of this pool is read only (default_transaction_read_only): a write throws ReadOnlyError. */
  replica: pg.Pool;
}

/**
 * A primary pool and a replica pool (createPool each; `replica.applicationName` defaults to `b2b-replica`).
 * The replica pool's sessions start with `default_transaction_read_only=on`, so even a replica URL that
 * points at a primary by mistake cannot write: writes there throw ReadOnlyError (`read_only_transaction`).
 */
export function createPools(options: { primary: PoolOptions; replica: PoolOptions }): Pools {
  const primary = createPool(options.primary);
  const replica = createPool({
    ...options.replica,
    applicationName: options.replica.applicationName ?? 'b2b-replica',
    sessionOptions: ['-c default_transaction_read_only=on'],
  });
  // A replica restarts, is rebuilt or promoted more often than a primary: an idle connection it drops must
  // not crash the process (pg.Pool re-emits idle clients' errors); the next checkout opens a new one.
  replica.on('error', () => {});
  return { primary, replica };
}

/** A WAL position as PostgreSQL prints a pg_lsn, for example `0/3000148`. */
export type Lsn = string;

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/**
 * The replica could not serve a read that was not allowed to fall back to the primary (`onLag: 'error'`):
 * - `replica_lag_exceeded` (B1075): it had not replayed `afterLsn` within `maxWaitMs`;
 * - `replica_unavailable` (B1076): it could not be reached, or refused the connection (starting, stopping).
 */
export class ReplicaLagError extends DbError {
  override name = 'ReplicaLagError';
}

export interface ReadOptions extends Omit<TransactionOptions, 'readOnly'> {
  /**
   * Read your writes: the `commitLsn` a write returned (withTenantLsn). The read waits on the replica until
   * the replica has replayed this position, so it sees that write and everything committed before it.
   */
  afterLsn?: Lsn;
  /** How long to wait for the replica to replay `afterLsn`, in milliseconds (default 200). */
  maxWaitMs?: number;
  /**
   * When the replica is behind after `maxWaitMs`, or cannot be reached: `'primary'` (default) runs the read
   * on the primary (read only there too); `'error'` throws ReplicaLagError.
   */
  onLag?: 'primary' | 'error';
  /** Told where the read ran, and why it did not run on the replica (for logs and metrics). */
  onRoute?: (route: {
    server: 'replica' | 'primary';
    reason?: 'replica_lag_exceeded' | 'replica_unavailable';
  }) => void;
}

const DEFAULT_MAX_WAIT_MS = 200;

function sqlstateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A failure to get a working session on the replica, before any of the caller's work ran there: no
 * SQLSTATE (refused, reset, timeout), class 08 (connection exception), 57P03 (cannot connect now: the
 * server is starting or stopping), 57P01-02 (terminated, crash shutdown).
 */
function isUnavailable(error: unknown): boolean {
  const sqlstate = sqlstateOf(error);
  return (
    sqlstate === undefined ||
    !/^[0-9A-Z]{5}$/.test(sqlstate) ||
    sqlstate.startsWith('08') ||
    /^57P0[1-3]$/.test(sqlstate)
  );
}

/**
 * Runs `fn` in a read-only transaction acting for one tenant on the replica, and returns its result.
 * With `afterLsn` (from withTenantLsn) it first waits, up to `maxWaitMs` milliseconds, for the replica to
 * replay that position (one call to `app.wait_for_replay(lsn, ms)` on the replica). When the replica is
 * still behind, or cannot be reached before `fn` starts, the read runs on the primary (read only), or with
 * `onLag: 'error'` throws ReplicaLagError. An error raised once `fn` runs is the caller's, as in withTenant:
 * it is not retried elsewhere. A write inside `fn` throws ReadOnlyError (`read_only_transaction`, 25006).
 * Throws InvalidTenantContextError for a malformed context, and what withTenant throws.
 */
export async function withReplica<T>(
  pools: Pools,
  context: TenantContext,
  fn: (client: Queryable) => Promise<T>,
  options: ReadOptions = {},
): Promise<T> {
  const { afterLsn, maxWaitMs = DEFAULT_MAX_WAIT_MS, onLag = 'primary', onRoute, ...transaction } = options;
  if (afterLsn !== undefined && !LSN.test(String(afterLsn))) {
    throw new ReplicaLagError(
      `afterLsn must be a pg_lsn such as 0/3000148, got ${JSON.stringify(afterLsn)}`,
      {
        code: 'value_invalid',
        sqlstate: '22P02',
      },
    );
  }
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0 || maxWaitMs > 2_147_483_647) {
    throw new ReplicaLagError(`maxWaitMs must be a number of milliseconds from 0, got ${maxWaitMs}`, {
      code: 'value_invalid',
      sqlstate: '22023',
    });
  }
  const readOnly: TransactionOptions = { ...transaction, readOnly: true };
  const onPrimary = (reason: 'replica_lag_exceeded' | 'replica_unavailable', cause?: unknown): Promise<T> => {
    if (onLag === 'error') {
      throw new ReplicaLagError(
        reason === 'replica_lag_exceeded'
          ? `The replica had not replayed ${afterLsn} after ${maxWaitMs} ms.`
          : 'The replica could not be reached.',
        { code: reason, sqlstate: reason === 'replica_lag_exceeded' ? 'B1075' : 'B1076', cause },
      );
    }
    onRoute?.({ server: 'primary', reason });
    return runTenantTransaction(pools.primary, context, fn, readOnly);
  };

  if (afterLsn !== undefined) {
    let caughtUp: boolean;
    try {
      const { rows } = await pools.replica.query<{ caught_up: boolean }>(
        'select app.wait_for_replay($1::pg_lsn, $2::integer) as caught_up',
        [afterLsn, Math.ceil(maxWaitMs)],
      );
      caughtUp = rows[0]?.caught_up === true;
    } catch (error) {
      if (isUnavailable(error)) return onPrimary('replica_unavailable', error);
      throw error;
    }
    if (!caughtUp) return onPrimary('replica_lag_exceeded');
  }

  let started = false;
  try {
    const result = await runTenantTransaction(
      pools.replica,
      context,
      (client) => {
        started = true;
        return fn(client);
      },
      readOnly,
    );
    onRoute?.({ server: 'replica' });
    return result;
  } catch (error) {
    if (!started && isUnavailable(error)) return onPrimary('replica_unavailable', error);
    throw error;
  }
}

/**
 * withTenant that also returns where its commit ended in the WAL: `{ result, commitLsn }`. `commitLsn` is
 * `pg_current_wal_insert_lsn()` read in the same message as the commit, right after it (no extra round
 * trip), so it is at or past the end of the commit record: pass it to withReplica's `afterLsn` to read
 * this write back from the replica. Throws what withTenant throws.
 */
export async function withTenantLsn<T>(
  pool: pg.Pool,
  context: TenantContext,
  fn: (client: Queryable) => Promise<T>,
  options?: TransactionOptions,
): Promise<{ result: T; commitLsn: Lsn }> {
  let commitLsn: Lsn | undefined;
  const result = await runTenantTransaction(pool, context, fn, options, {
    sql: 'select pg_current_wal_insert_lsn()::text as lsn',
    read: (answer) => {
      commitLsn = (answer.rows[0] as { lsn: string } | undefined)?.lsn;
    },
  });
  if (!commitLsn) throw new Error('the commit LSN was not returned with the commit');
  return { result, commitLsn };
}
