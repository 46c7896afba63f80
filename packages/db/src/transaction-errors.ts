// What withTransaction and withTenant report when a transaction did not end the way the caller expects.
// Two outcomes differ for the caller, so they are two classes: rolled back (known: nothing was written),
// and unknown (the connection broke while the commit was on the wire: it may or may not have committed).
import { DbError } from './errors';

/**
 * The server did not commit: the work of `fn` was rolled back, although `fn` returned normally. Code
 * `transaction_rolled_back` (SQLSTATE 25P02): a statement failed inside the transaction and `fn` caught
 * the error and went on, so PostgreSQL answered the final `commit` with `ROLLBACK`. Nothing was written.
 * Not retried: the caller decides (the error that aborted the transaction was swallowed by `fn`).
 */
export class TransactionAbortedError extends DbError {
  override name = 'TransactionAbortedError';
}

/**
 * The outcome of the transaction is not known to withTransaction, so it says so instead of guessing:
 * - `transaction_outcome_unknown` (SQLSTATE of the failure, 08006 when the driver gave none): the
 *   connection was lost while, or before, the commit was sent (server terminated, network down); the
 *   commit may have happened. Never retried: check the effect (for example with an idempotency key)
 *   before doing the work again.
 * - `transaction_ended_in_callback` (SQLSTATE 25P01): `fn` itself sent `commit`, `rollback` (or their
 *   `and chain` forms), so what it did afterwards did not run in the transaction withTransaction opened.
 *   Use a savepoint, or throw, to undo part or all of the work.
 */
export class TransactionOutcomeUnknownError extends DbError {
  override name = 'TransactionOutcomeUnknownError';
}
