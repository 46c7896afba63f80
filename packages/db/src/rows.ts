// One NotFoundError for every package, so callers catch a single class whichever package threw it.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/**
 * A page size from the caller: `limit` (or `fallback` when absent), a whole number from 1 to `max`;
 * RangeError otherwise. One rule and one message for every package's listings.
 */
export function pageLimit(
  limit: number | undefined,
  { fallback, max }: { fallback: number; max: number },
): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new RangeError(`limit must be a whole number from 1 to ${max}`);
  return value;
}

/** The single row a statement returned; NotFoundError naming `what` when it returned none. */
export function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new NotFoundError(`${what} was not found in this tenant`);
  return row;
}
