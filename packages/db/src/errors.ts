// Typed errors for what the database refuses. Callers branch on the class or on `code`, never on text.
import { constraintErrors, type ErrorKind, sqlstateErrors, valueErrors } from './error-catalog';
import { NotFoundError } from './rows';
import { isShardMoveError } from './shard-moves';
import { catalogNameOf, quotedNames, shardIdOf, withoutShardSuffix } from './shard-names';

export interface DbErrorDetails {
  /** Stable application code, for example `tenant_slug_taken`. Listed in docs/errors.md. */
  code: string;
  /** PostgreSQL SQLSTATE, for example 23505. */
  sqlstate: string;
  constraint?: string;
  table?: string;
  cause?: unknown;
  /** Whether running the same transaction again can succeed (see DbError.retryable). */
  retryable?: boolean;
}

export class DbError extends Error {
  override name = 'DbError';
  readonly code: string;
  readonly sqlstate: string;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  /**
   * True when the transaction was rolled back for a passing reason and running it again as it is can
   * succeed (ShardMovingError); false for every error about the request itself. withTransaction and
   * withTenant retry serialization failures and deadlocks themselves, and shard moves when asked to
   * (`retryShardMoves`).
   */
  readonly retryable: boolean;

  constructor(message: string, details: DbErrorDetails) {
    super(message, { cause: details.cause });
    this.code = details.code;
    this.sqlstate = details.sqlstate;
    this.constraint = details.constraint;
    this.table = details.table;
    this.retryable = details.retryable ?? false;
  }
}

/** A unique or exclusion constraint: the thing already exists or overlaps. */
export class ConflictError extends DbError {
  override name = 'ConflictError';
}
/** A foreign key: the referenced row does not exist (in this tenant), or is still referenced. */
export class ForeignKeyError extends DbError {
  override name = 'ForeignKeyError';
}
/** A check or not-null constraint, or a business rule raised with a custom SQLSTATE. */
export class ValidationError extends DbError {
  override name = 'ValidationError';
}
/** Missing grant or a row-level security policy refused the write. */
export class PermissionError extends DbError {
  override name = 'PermissionError';
}
/**
 * A buyer tried to act for a company it does not belong to (`buyer_not_in_company`, also for an unknown
 * buyer) or while disabled (`buyer_disabled`): SQLSTATE B2104/B2105 from accounts.acting_buyer().
 */
export class BuyerNotInCompanyError extends PermissionError {
  override name = 'BuyerNotInCompanyError';
}
/** No tenant context: the query ran outside withTenant(). */
export class TenantContextError extends DbError {
  override name = 'TenantContextError';
}
/**
 * A write (or nextval, a lock for update, ...) in a read-only transaction: SQLSTATE 25006, code
 * `read_only_transaction`. The replica pool of createPools opens every transaction read only, and a hot
 * standby refuses writes the same way: write through the primary pool.
 */
export class ReadOnlyError extends DbError {
  override name = 'ReadOnlyError';
}
/**
 * Citus refused a statement because the tenant's shard group moved or split under the transaction (a
 * rebalance, a shard move, a tenant isolation): code `shard_moving`, SQLSTATE XX000 (42P01 for a dropped
 * shard's table), `retryable: true`. The transaction was rolled back and nothing was written; running it
 * again routes it to the new placement. withTenant / withTransaction retry it with `retryShardMoves`, and
 * throw it when it outlasted those attempts. The messages: SHARD_MOVE_MESSAGES in shard-moves.ts.
 */
export class ShardMovingError extends DbError {
  override name = 'ShardMovingError';
}
/**
 * The data key of the encrypted personal data is missing (`data_key_missing`, B4101), is not the
 * database's key or does not open a value (`data_key_wrong`, B4102), or is malformed (`data_key_invalid`,
 * B4103). Never retried: supply the right key (withTenant({ dataKey })).
 */
export class DataKeyError extends DbError {
  override name = 'DataKeyError';
}
/** Serialization failure or deadlock that survived every retry. */
export class RetryExhaustedError extends DbError {
  override name = 'RetryExhaustedError';
}

const CLASS_OF_KIND: Record<Exclude<ErrorKind, 'not_found'>, typeof DbError> = {
  conflict: ConflictError, // e.g. a stale draft edit (B3002): the row changed since it was read
  permission: PermissionError,
  buyer_not_in_company: BuyerNotInCompanyError,
  tenant_context: TenantContextError,
  foreign_key: ForeignKeyError,
  data_key: DataKeyError,
};

export const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

interface PgDatabaseError {
  code?: string;
  constraint?: string;
  table?: string;
  schema?: string;
  message: string;
  column?: string;
}

function isPgError(error: unknown): error is PgDatabaseError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgDatabaseError).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgDatabaseError).code ?? '')
  );
}

function classFor(sqlstate: string): typeof DbError {
  // custom SQLSTATEs: the catalog entry names the class (ValidationError unless it says otherwise)
  const kind = sqlstateErrors[sqlstate]?.kind;
  if (kind && kind !== 'not_found') return CLASS_OF_KIND[kind];
  if (sqlstate === '23505' || sqlstate === '23P01') return ConflictError;
  if (sqlstate === '23503') return ForeignKeyError;
  if (sqlstate === '42501') return PermissionError;
  if (RETRYABLE_SQLSTATES.has(sqlstate)) return RetryExhaustedError;
  return ValidationError;
}

/**
 * The SQLSTATE a named constraint raises, by the name's prefix: the catalog entry of a constraint is used
 * only when the error is of that class. A check constraint's name in a 54000 (index row too large) or a
 * unique index's name in anything but 23505 says where it happened, not what happened.
 */
const SQLSTATE_OF_CONSTRAINT_PREFIX: Record<string, string> = {
  pk: '23505',
  uq: '23505',
  fk: '23503',
  chk: '23514',
  excl: '23P01',
};

function constraintMatchesSqlstate(constraint: string, sqlstate: string): boolean {
  const prefix = constraint.slice(0, constraint.indexOf('_'));
  return SQLSTATE_OF_CONSTRAINT_PREFIX[prefix] === sqlstate;
}

/**
 * The catalog name of the constraint an integrity error names, wherever it ran. Plain PostgreSQL fills the
 * constraint field with the catalog name. On Citus a shard names its copy (`pk_orders_102008`, or a
 * shortened long name with a hash), and an error raised on a worker reaches the client with no constraint
 * field at all, so the name is then read from the message's quoted names. Also returns the shard id, to
 * strip from the table's name.
 */
function constraintOf(error: PgDatabaseError): { name?: string; reported?: string; shardId?: string } {
  const reported = error.constraint ? [error.constraint] : quotedNames(error.message);
  for (const candidate of reported) {
    const name = catalogNameOf(candidate, constraintErrors);
    if (name) return { name, reported: candidate, shardId: shardIdOf(candidate, name) };
  }
  // not in the catalog (the lint pack keeps those from shipping): the name after "constraint" in English
  return { reported: error.constraint ?? /constraint "([^"]+)"/.exec(error.message)?.[1] };
}

/**
 * Turns a driver error into a typed DbError; anything that is not a database error is returned as is.
 * The SQLSTATE decides first (its class and, for custom states, the catalog); the constraint name only
 * picks the precise code when the SQLSTATE is one that constraint can raise (23505 for pk_/uq_, 23503
 * for fk_, 23514 for chk_, 23P01 for excl_). On Citus the name is a shard's (`pk_orders_102008`) and,
 * from a worker, only in the message: both are mapped to the catalog name (`constraint` is that name).
 * Citus's refusals of a statement whose shard moved or split under it (XX000, see shard-moves.ts) are
 * ShardMovingError, `retryable: true`.
 */
export function mapDbError(error: unknown): unknown {
  if (error instanceof DbError || !isPgError(error)) return error;
  const sqlstate = error.code as string;
  // An unknown order, quote or return: the one NotFoundError every package throws (see rows.ts).
  if (sqlstateErrors[sqlstate]?.kind === 'not_found')
    return new NotFoundError(error.message, { cause: error });
  if (isShardMoveError(sqlstate, error.message)) {
    return new ShardMovingError(
      `The tenant's data was being moved to another node (a Citus rebalance or tenant isolation) and the transaction was rolled back; run it again: ${error.message}`,
      { code: 'shard_moving', sqlstate, cause: error, retryable: true },
    );
  }
  const named = sqlstate.startsWith('23') || error.constraint ? constraintOf(error) : {};
  const tableName = error.table && withoutShardSuffix(error.table, named.shardId);
  const table = error.schema && tableName ? `${error.schema}.${tableName}` : tableName;
  const Class = classFor(sqlstate);
  const constraint = named.name && constraintMatchesSqlstate(named.name, sqlstate) ? named.name : undefined;
  const byConstraint = constraint ? constraintErrors[constraint] : undefined;
  if (byConstraint) {
    return new Class(byConstraint.message, {
      code: byConstraint.code,
      sqlstate,
      constraint,
      table,
      cause: error,
    });
  }
  const bySqlstate = sqlstateErrors[sqlstate];
  if (bySqlstate) {
    // Custom SQLSTATEs carry their own precise message from the database; the catalog names the code.
    return new Class(error.message, { code: bySqlstate.code, sqlstate, table, cause: error });
  }
  if (sqlstate === '42501') {
    return new PermissionError(`Not permitted: ${error.message}`, {
      code: 'permission_denied',
      sqlstate,
      table,
      cause: error,
    });
  }
  if (sqlstate === '25006') {
    return new ReadOnlyError(
      `This transaction is read only (a replica, or a read-only transaction): ${error.message}. Write through the primary pool.`,
      { code: 'read_only_transaction', sqlstate, table, cause: error },
    );
  }
  if (sqlstate === '23502') {
    // on Citus the column field is missing too: the message names it first
    const column = error.column ?? quotedNames(error.message)[0];
    return new ValidationError(`${column ?? 'A required value'} is required${table ? ` (${table})` : ''}.`, {
      code: 'value_required',
      sqlstate,
      table,
      cause: error,
    });
  }
  const byValue = valueErrors[sqlstate];
  if (byValue || sqlstate.startsWith('22')) {
    // Data exceptions: a value PostgreSQL cannot parse or store (bad uuid, number out of range, ...).
    return new ValidationError(`${byValue?.message ?? 'Invalid value.'} (${error.message})`, {
      code: byValue?.code ?? 'value_invalid',
      sqlstate,
      table,
      cause: error,
    });
  }
  if (sqlstate === '21000') {
    return new ValidationError('The same row appears twice in one write; send each key once.', {
      code: 'batch_duplicate_key',
      sqlstate,
      table,
      cause: error,
    });
  }
  if (sqlstate.startsWith('23')) {
    // An integrity error without a catalog entry (or a name of another class): still typed; the lint
    // pack keeps unnamed and uncatalogued constraints from shipping.
    const name = named.name ?? named.reported;
    return new Class(`Constraint ${name ?? '(unnamed)'} was violated.`, {
      code: name ?? `integrity_${sqlstate}`,
      sqlstate,
      constraint: name,
      table,
      cause: error,
    });
  }
  return error;
}
