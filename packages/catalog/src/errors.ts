// The catalog errors an application branches on, as classes, chosen by SQLSTATE (never by message text).
// Everything else is the typed DbError of @b2b/db's mapping, with its catalog code.
import { DbError, mapDbError, mapErrors, ValidationError } from '@b2b/db';

/**
 * A stock count or adjustment would take on_hand below the units open orders have reserved (SQLSTATE
 * B2210, `stock_below_reserved`): correct the count, or cancel or ship those orders first.
 */
export class StockBelowReservedError extends ValidationError {
  override name = 'StockBelowReservedError';
}

/** mapDbError, then StockBelowReservedError for B2210. */
export function mapCatalogError(error: unknown): unknown {
  const mapped = mapDbError(error);
  if (
    !(mapped instanceof DbError) ||
    mapped.sqlstate !== 'B2210' ||
    mapped instanceof StockBelowReservedError
  )
    return mapped;
  return new StockBelowReservedError(mapped.message, {
    code: mapped.code,
    sqlstate: mapped.sqlstate,
    constraint: mapped.constraint,
    table: mapped.table,
    cause: mapped.cause,
  });
}

/** Runs one stock call and throws typed catalog errors. */
export function stockCall<T>(run: () => Promise<T>): Promise<T> {
  return mapErrors(run, mapCatalogError);
}
