// What may leave a public package function: only typed errors. guarded() wraps each export of a package's
// public entry (src/public.ts) so that no raw driver error, TypeError or RangeError escapes a call.
import { DbError, mapDbError, ValidationError } from './errors';
import { NotFoundError } from './rows';

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
