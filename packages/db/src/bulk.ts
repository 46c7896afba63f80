// Helpers for bulk writes shared by the domain packages.
import { mapDbError, ValidationError } from './errors';

/**
 * Runs `run` and rethrows any database error as a typed DbError (through `map`, mapDbError unless a
 * package refines it). withTransaction/withTenant already map what escapes them; this is for callers that
 * inspect the error before the transaction ends.
 */
export async function mapErrors<T>(
  run: () => Promise<T>,
  map: (error: unknown) => unknown = mapDbError,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw map(error);
  }
}

/** Rows per statement of a bulk upsert: each row is one bind parameter per column, at most 65535 in all. */
export const BATCH_ROWS = 1000;

/** Runs a bulk statement once per batch of BATCH_ROWS rows (one statement per batch), in order. */
export async function inBatches<R, T>(rows: readonly R[], run: (batch: R[]) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    results.push(...(await mapErrors(() => run(rows.slice(i, i + BATCH_ROWS)))));
  }
  return results;
}

/** Keys repeated within one bulk upsert: PostgreSQL cannot update a row twice in one statement (21000). */
export function assertUniqueKeys<T>(rows: readonly T[], key: (row: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    if (seen.has(k)) {
      throw new ValidationError(`The batch lists ${what} ${k} more than once; send each one once.`, {
        code: 'batch_duplicate_key',
        sqlstate: '21000',
      });
    }
    seen.add(k);
  }
}
