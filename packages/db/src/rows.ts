// One NotFoundError for every package, so callers catch a single class whichever package threw it.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The single row a statement returned; NotFoundError naming `what` when it returned none. */
export function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new NotFoundError(`${what} was not found in this tenant`);
  return row;
}
