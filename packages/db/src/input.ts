// Refusals of a package function's arguments before any query runs: the same ValidationError class,
// `code` and SQLSTATE the database would give for the value, so callers branch on one kind of error
// whether the value was refused here or by PostgreSQL. No raw TypeError or driver error escapes.
import { DbError, mapDbError, ValidationError } from './errors';
import { NotFoundError } from './rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ValidationError for an argument refused before it reached the database (SQLSTATE 22023). */
export function invalidInput(code: string, message: string): ValidationError {
  return new ValidationError(message, { code, sqlstate: '22023' });
}

/**
 * `value` as a UUID string; ValidationError `invalid_id` (SQLSTATE 22P02, as PostgreSQL reports a bad
 * uuid) naming `what` otherwise. Optional ids pass `undefined` and `null` through unchanged.
 */
export function assertId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !UUID.test(value))
    throw new ValidationError(`${what} must be a UUID, got ${describe(value)}.`, {
      code: 'invalid_id',
      sqlstate: '22P02',
    });
  return value;
}

/** Every own property of `args` whose name ends in `Id` (or is `id`) is a UUID when present. */
export function assertIds(args: unknown, where = 'argument'): void {
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw invalidInput('input_invalid', `The ${where} must be an object, got ${describe(args)}.`);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    if (key === 'id' || /[a-z]Id$/.test(key)) assertId(value, key);
    else if (/[a-z]Ids$/.test(key)) {
      if (!Array.isArray(value)) throw invalidInput('input_invalid', `${key} must be an array of UUIDs.`);
      for (const v of value) assertId(v, key);
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (value === null || value === undefined) return String(value);
  return typeof value;
}

const GUARDED = Symbol.for('@b2b/db.guarded');

/**
 * What a public package function may throw: DbError and NotFoundError as they are; a driver error
 * through mapDbError (and, for the rare SQLSTATE it leaves alone, a plain DbError `database_error`); a
 * TypeError or RangeError from arguments of the wrong type or range (null where an object belongs, a
 * string where an array belongs, a BigInt, a page limit out of range) as ValidationError `input_invalid`.
 * Anything else (a lost connection) is rethrown unchanged.
 */
export function toTypedError(error: unknown): unknown {
  if (error instanceof DbError || error instanceof NotFoundError) return error;
  const mapped = mapDbError(error);
  if (mapped instanceof DbError || mapped instanceof NotFoundError) return mapped;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
    return new DbError((error as Error).message, { code: 'database_error', sqlstate: code, cause: error });
  if (error instanceof TypeError || error instanceof RangeError) {
    const e = new ValidationError(`Invalid argument: ${error.message}`, {
      code: 'input_invalid',
      sqlstate: '22023',
      cause: error,
    });
    return e;
  }
  return error;
}

/**
 * `fn`, throwing (or rejecting with) only typed errors (toTypedError); marked so tests can tell a guarded
 * function. Works for async and plain functions.
 */
export function guarded<F extends (...args: never[]) => unknown>(fn: F): F {
  const wrapped = function (this: unknown, ...args: Parameters<F>) {
    try {
      const result = fn.apply(this, args);
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw toTypedError(error);
          })
        : result;
    } catch (error) {
      throw toTypedError(error);
    }
  } as unknown as F;
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  Object.defineProperty(wrapped, GUARDED, { value: true });
  return wrapped;
}

/** Whether `fn` was wrapped by guarded(). */
export function isGuarded(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as unknown as Record<symbol, unknown>)[GUARDED] === true;
}
