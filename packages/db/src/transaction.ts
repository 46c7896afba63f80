// Transactions that retry what PostgreSQL asks to be retried: serialization failures and deadlocks; and,
// when asked, what Citus refuses while a shard group moves (ShardMovingError).
import type pg from 'pg';
import { mapDbError, RETRYABLE_SQLSTATES, RetryExhaustedError, ShardMovingError } from './errors';
import { TransactionAbortedError, TransactionOutcomeUnknownError } from './transaction-errors';

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  isolation?: Isolation;
  /** Attempts in all, including the first (default 5). */
  attempts?: number;
  /** First backoff in ms; doubles each retry, with full jitter (default 10). */
  baseDelayMs?: number;
  readOnly?: boolean;
  /**
   * Also run the transaction again when Citus refused it because the tenant's shard group moved or split
   * under it (ShardMovingError, `retryable: true`; rolled back, nothing written). Off by default: `fn` must
   * be safe to run again (it is for serialization failures already). `true` means up to 5 attempts in all
   * with a first backoff of 100 ms, doubling, with full jitter; the last refusal is thrown as the
   * ShardMovingError. Counted apart from the serialization-failure attempts.
   */
  retryShardMoves?: boolean | { attempts?: number; baseDelayMs?: number };
  /**
   * Called before each retry, with the attempt that failed (1 for the first), why, and the error (a
   * ShardMovingError for `shard_moving`, the driver's error otherwise): for metrics and drills.
   */
  onRetry?: (retry: { attempt: number; reason: RetryReason; error: unknown }) => void;
}

export type Queryable = pg.PoolClient;

/** Why withTransaction ran a transaction again. */
export type RetryReason = 'serialization_failure' | 'deadlock' | 'shard_moving';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sqlstateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `fn` in a transaction on one pooled connection and returns what `fn` returned, only once the server
 * has committed. On a serialization failure or deadlock the whole transaction is retried (so `fn` must be
 * safe to run again); any other error rolls back and is rethrown as a typed DbError. The outcome rule:
 * - the commit is refused (a deferred constraint, a serialization failure at commit): that typed error;
 * - the transaction was aborted by a statement whose error `fn` caught and swallowed (PostgreSQL answers
 *   the final `commit` with `ROLLBACK`): TransactionAbortedError `transaction_rolled_back`, not retried;
 * - `fn` ended the transaction itself (`commit`, `rollback`, `... and chain`): TransactionOutcomeUnknownError
 *   `transaction_ended_in_callback` (whatever is still open is rolled back);
 * - the connection broke before the commit's answer arrived (server terminated, network):
 *   TransactionOutcomeUnknownError `transaction_outcome_unknown`, never retried (it may have committed).
 * Savepoints inside `fn` are fine: `rollback to savepoint` keeps the transaction alive and committable.
 */
export function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: Queryable) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return runTransaction(pool, fn, options);
}

/** SQLSTATE raised by the commit guard when the transaction that withTransaction opened is gone. */
const ENDED_IN_CALLBACK = 'B1040';

// A transaction-local marker set with `begin`: if `fn` ends the transaction (commit, rollback, and chain),
// the marker is gone. The guard runs in the same message as `commit` (no extra round trip): when the marker
// is missing it raises, so the `commit` after it is not executed and whatever is open is rolled back.
// When the transaction is aborted the guard itself fails with 25P02, and the commit is not sent either.
const MARKER = `select set_config('b2b.transaction', 'open', true)`;
const COMMIT = `do $$ begin if current_setting('b2b.transaction', true) is distinct from 'open' then raise exception using errcode = '${ENDED_IN_CALLBACK}', message = 'the transaction was ended inside the callback'; end if; end $$; commit`;

function isConnectionFailure(error: unknown): boolean {
  const sqlstate = sqlstateOf(error);
  // No SQLSTATE: a socket error or "Connection terminated unexpectedly" from the driver. Class 08:
  // connection exception. 57P0x: the server is terminating the session (pg_terminate_backend, shutdown).
  return (
    sqlstate === undefined ||
    !/^[0-9A-Z]{5}$/.test(sqlstate) ||
    sqlstate.startsWith('08') ||
    /^57P0[1-3]$/.test(sqlstate)
  );
}

/**
 * Commits; throws the typed outcome when the server did not commit (see withTransaction). Errors the
 * server answered with (a deferred constraint, 40001) are rethrown as they are, for the caller's mapping
 * and retry.
 */
async function commit(
  client: Queryable,
  connectionLost: () => unknown,
  afterCommit?: AfterCommit,
): Promise<void> {
  let results: pg.QueryResult[];
  try {
    const answer = (await client.query(afterCommit ? `${COMMIT}; ${afterCommit.sql}` : COMMIT)) as unknown as
      | pg.QueryResult
      | pg.QueryResult[];
    results = Array.isArray(answer) ? answer : [answer];
  } catch (error) {
    const lost = connectionLost();
    if (lost !== undefined || isConnectionFailure(error)) {
      throw new TransactionOutcomeUnknownError(
        'The connection was lost while committing: the transaction may or may not have committed. It is not retried; check its effect before doing the work again.',
        {
          code: 'transaction_outcome_unknown',
          sqlstate: sqlstateOrNull(error) ?? sqlstateOrNull(lost) ?? '08006',
          cause: error,
        },
      );
    }
    const sqlstate = sqlstateOf(error);
    if (sqlstate === ENDED_IN_CALLBACK) {
      throw new TransactionOutcomeUnknownError(
        'The callback ended the transaction itself (commit or rollback); what it did afterwards did not run in this transaction, and whatever was still open was rolled back. Use a savepoint, or throw, instead.',
        { code: 'transaction_ended_in_callback', sqlstate: '25P01', cause: error },
      );
    }
    if (sqlstate === '25P02') throw rolledBack(error);
    throw error;
  }
  // Kept as a second line of defence: a `commit` in an aborted transaction is answered with ROLLBACK.
  if (results.at(afterCommit ? -2 : -1)?.command !== 'COMMIT') throw rolledBack(undefined);
  if (afterCommit) afterCommit.read(results.at(-1) as pg.QueryResult);
}

/**
 * A statement sent in the same message right after `commit` (no extra round trip), and what to do with its
 * answer once the commit succeeded: withTenantLsn reads the commit's WAL position this way.
 */
export interface AfterCommit {
  sql: string;
  read(result: pg.QueryResult): void;
}

function rolledBack(cause: unknown): TransactionAbortedError {
  return new TransactionAbortedError(
    'The transaction was rolled back, not committed: a statement in it failed and its error was caught inside the callback. Nothing was written.',
    { code: 'transaction_rolled_back', sqlstate: '25P02', cause },
  );
}

function sqlstateOrNull(error: unknown): string | undefined {
  const sqlstate = sqlstateOf(error);
  return sqlstate && /^[0-9A-Z]{5}$/.test(sqlstate) ? sqlstate : undefined;
}

/**
 * withTransaction, with `prelude`: SQL without parameters sent in the same message as `begin` (one round
 * trip fewer), and `afterCommit`: a statement sent with `commit`. For withTenant and withTenantLsn only,
 * which build them from checked UUIDs and constants; not exported from the package.
 */
/** The shard-move retry bound of `retryShardMoves`: 1 attempt (no retry) when not asked for. */
function shardMoveRetry(option: TransactionOptions['retryShardMoves']): {
  attempts: number;
  baseDelayMs: number;
} {
  if (!option) return { attempts: 1, baseDelayMs: 0 };
  const given = option === true ? {} : option;
  return { attempts: given.attempts ?? 5, baseDelayMs: given.baseDelayMs ?? 100 };
}

export async function runTransaction<T>(
  pool: pg.Pool,
  fn: (client: Queryable) => Promise<T>,
  options: TransactionOptions,
  prelude?: string,
  afterCommit?: AfterCommit,
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 10;
  const shardMoves = shardMoveRetry(options.retryShardMoves);
  // attempts so far, by what made the previous ones fail: each kind has its own bound
  let conflictAttempt = 1;
  let shardMoveAttempt = 1;
  const begin = [
    'begin',
    options.isolation ? `isolation level ${options.isolation}` : '',
    options.readOnly ? 'read only' : '',
  ]
    .filter(Boolean)
    .join(' ');
  for (let attempt = 1; ; attempt++) {
    // `attempt` counts them all (onRetry); conflictAttempt and shardMoveAttempt are bounded
    const client = await pool.connect();
    let broken = false;
    // The server ends a terminated session with an error the driver emits on the client, not on a query:
    // remember it (and keep it from crashing the process) while the client is ours.
    let lost: unknown;
    const onError = (error: unknown) => {
      lost = error;
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query(prelude ? `${begin}; ${MARKER}; ${prelude}` : `${begin}; ${MARKER}`);
      const result = await fn(client);
      await commit(client, () => lost, afterCommit);
      return result;
    } catch (error) {
      if (error instanceof TransactionOutcomeUnknownError && error.code === 'transaction_outcome_unknown') {
        broken = true; // never hand a connection whose state we do not know back to the pool
        throw error;
      }
      try {
        await client.query('rollback');
      } catch {
        broken = true; // the connection is unusable; do not return it to the pool
      }
      const sqlstate = sqlstateOf(error);
      const typed = mapDbError(error);
      if (typed instanceof ShardMovingError && shardMoveAttempt < shardMoves.attempts) {
        options.onRetry?.({ attempt, reason: 'shard_moving', error: typed });
        await sleep(Math.random() * shardMoves.baseDelayMs * 2 ** (shardMoveAttempt - 1));
        shardMoveAttempt++;
        continue;
      }
      if (sqlstate && RETRYABLE_SQLSTATES.has(sqlstate)) {
        if (conflictAttempt < attempts) {
          const reason = sqlstate === '40P01' ? 'deadlock' : 'serialization_failure';
          options.onRetry?.({ attempt, reason, error });
          await sleep(Math.random() * baseDelayMs * 2 ** (conflictAttempt - 1));
          conflictAttempt++;
          continue;
        }
        throw new RetryExhaustedError(
          `The transaction kept conflicting with concurrent ones (${sqlstate === '40P01' ? 'deadlock' : 'serialization failure'}) and was abandoned after ${attempts} attempts.`,
          { code: 'retry_exhausted', sqlstate, cause: error },
        );
      }
      throw typed;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
