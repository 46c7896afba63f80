// The order errors an application branches on, as classes. @b2b/db maps every database error to a typed
// DbError (ValidationError for business rules, ConflictError for a stale draft, ...); the few that apps
// must tell apart get a subclass here, chosen by SQLSTATE, never by message text.
import { ConflictError, DbError, mapDbError, mapErrors, ValidationError } from '@b2b/db';

/** The order cannot make this state change (SQLSTATE B3001, `transition_not_allowed`). */
export class TransitionNotAllowedError extends ValidationError {
  override name = 'TransitionNotAllowedError';
}
/** Not enough stock to reserve every line (B3201, or the stock check constraint as a backstop). */
export class InsufficientStockError extends ValidationError {
  override name = 'InsufficientStockError';
}
/** The draft changed since it was read (B3002, `order_version_conflict`): load it again. */
export class StaleOrderVersionError extends ConflictError {
  override name = 'StaleOrderVersionError';
}

/** The order would take the buyer above its spending limit for the period (B3102). */
export class SpendingLimitExceededError extends ValidationError {
  override name = 'SpendingLimitExceededError';
}

/** The order would take the company above its credit limit (B3103). */
export class CreditLimitExceededError extends ValidationError {
  override name = 'CreditLimitExceededError';
}

/** The quote's valid-until date has passed (B3301). */
export class QuoteExpiredError extends ValidationError {
  override name = 'QuoteExpiredError';
}

type DbErrorClass = new (message: string, details: ConstructorParameters<typeof DbError>[1]) => DbError;

const bySqlstate: Record<string, DbErrorClass> = {
  B3001: TransitionNotAllowedError,
  B3002: StaleOrderVersionError,
  B3102: SpendingLimitExceededError,
  B3103: CreditLimitExceededError,
  B3201: InsufficientStockError,
  B3301: QuoteExpiredError,
};
const byConstraint: Record<string, DbErrorClass> = {
  chk_stock_levels_reserved_within_on_hand: InsufficientStockError,
};

/** mapDbError (an unknown order, quote or return is its NotFoundError), then the order-specific class where there is one. */
export function mapOrdersError(error: unknown): unknown {
  const mapped = mapDbError(error);
  if (!(mapped instanceof DbError)) return mapped;
  const Class =
    bySqlstate[mapped.sqlstate] ?? (mapped.constraint ? byConstraint[mapped.constraint] : undefined);
  if (!Class || mapped.constructor === Class) return mapped;
  return new Class(mapped.message, {
    code: mapped.code,
    sqlstate: mapped.sqlstate,
    constraint: mapped.constraint,
    table: mapped.table,
    cause: mapped.cause,
  });
}

/** Runs one database call and throws typed order errors. */
export function ordersCall<T>(run: () => Promise<T>): Promise<T> {
  return mapErrors(run, mapOrdersError);
}
