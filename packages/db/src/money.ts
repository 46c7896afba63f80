// Amounts cross the API as decimal strings ("12.50"), never as JavaScript numbers: a number has already
// lost what it cannot represent (0.1 + 0.2 is 0.30000000000000004; 12345678901234.5678 prints as
// 12345678901234.568) before the database could refuse it. The database holds the money rule (finite,
// below 10^15, in the currency's minor units or 4 decimals for unit prices: README "Money"); this is the
// gate in front of it for what only the caller's side can get wrong: the type and the notation.
import { sqlstateErrors } from './error-catalog';
import { ValidationError } from './errors';

/** Plain decimal notation: an optional minus, digits, optionally a point and digits. No exponent, no spaces. */
const DECIMAL = /^-?\d{1,16}(\.\d{1,20})?$/;

const NOT_DECIMAL = 'B1004';

/**
 * Returns `value` when it is a decimal string in plain notation ("12.50", "0", "-0.01"), null or
 * undefined (passed through: the column decides whether it may be empty). Anything else (a JavaScript
 * number, "1e-5", " 1.0 ", "NaN", "") throws ValidationError `amount_not_decimal_string` naming `field`.
 * Scale, sign and range are checked by the database, which knows the currency.
 */
export function decimalAmount<T extends string | null | undefined>(value: T, field: string): T {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
  throw new ValidationError(
    `${field} must be a decimal string such as "12.50", not ${shown}: ${sqlstateErrors[NOT_DECIMAL]?.message}`,
    { code: sqlstateErrors[NOT_DECIMAL]?.code ?? 'amount_not_decimal_string', sqlstate: NOT_DECIMAL },
  );
}
