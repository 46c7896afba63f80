// Keyset pagination: one opaque cursor for every listing of every package. A cursor carries the sort keys
// of the last row of a page at full precision, as text (a timestamptz to the microsecond in UTC, never a
// JavaScript Date, which keeps milliseconds only; ids as text), and the listing it belongs to, so a cursor
// of one listing is refused by another. The SQL side compares row values, for example
// `(created_at, order_id) < (:afterCreatedAt::timestamptz, :afterOrderId::uuid)`, so rows that tie on the
// first key are neither skipped nor repeated.
import { ValidationError } from './errors';

/** The kind of one sort key, which fixes how it is written in a cursor and checked when read back. */
export type CursorKey = 'timestamptz' | 'uuid' | 'text' | 'float8';

/** One page of a listing: `next` is present only when more rows follow; pass it as `after`. */
export interface Page<T> {
  items: T[];
  next?: string;
}

// A timestamptz key is printed by the query itself, whatever the session's DateStyle and TimeZone, as
// `to_char(t at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`: UTC with microseconds,
// `2026-11-29T21:05:00.123456Z`, which PostgreSQL reads back exactly with `::timestamptz`.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{6})Z$/;
const FLOAT = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const MAX_CURSOR_LENGTH = 16_384;
// a sort key of text (a name, an email) well beyond any bounded text column, so every row can be a page end
const MAX_TEXT_KEY = 4096;

function validTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const date = new Date(Date.UTC(year as number, (month as number) - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches any field out of range
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === (month as number) - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

const VALID: Record<CursorKey, (value: string) => boolean> = {
  timestamptz: validTimestamp,
  uuid: (value) => UUID.test(value),
  text: (value) => value.length <= MAX_TEXT_KEY && !value.includes('\u0000'),
  float8: (value) => FLOAT.test(value) && Number.isFinite(Number(value)),
};

function invalid(listing: string, why: string): ValidationError {
  return new ValidationError(
    `The page cursor is not valid for ${listing} (${why}): pass the \`next\` of a page of this listing unchanged, or no cursor for the first page.`,
    { code: 'cursor_invalid', sqlstate: '22023' },
  );
}

/**
 * The cursor of one listing. `listing` names it (for example `orders.listOrdersOfCompany`); `keys` are its
 * sort keys in order, the last one unique (an id), so the order is total.
 */
export interface Cursor<K extends readonly CursorKey[]> {
  readonly listing: string;
  readonly keys: K;
  /** An opaque string (base64url of JSON) holding `values`, one text per key. */
  encode(values: { [I in keyof K]: string }): string;
  /**
   * The key values of `cursor` (null when absent: the first page). ValidationError `cursor_invalid` when
   * it is malformed, tampered with (a value that is not of its key's kind), or from another listing.
   */
  decode(cursor: string | null | undefined): { [I in keyof K]: string } | null;
  /**
   * The page of `rows`, fetched with `limit + 1` (see `fetchSize`): the extra row only says that another
   * page follows; `next` is then the cursor of the last row kept.
   */
  page<R, T = R>(
    rows: readonly R[],
    limit: number,
    keysOf: (row: R) => { [I in keyof K]: string },
    item?: (row: R) => T,
  ): Page<T>;
}

/** How many rows to ask the database for, to know whether a page of `limit` rows has a next one. */
export const fetchSize = (limit: number): number => limit + 1;

/** Defines the cursor of one listing; see Cursor. */
export function defineCursor<const K extends readonly CursorKey[]>(listing: string, keys: K): Cursor<K> {
  type Values = { [I in keyof K]: string };
  const encode = (values: Values): string =>
    Buffer.from(JSON.stringify({ l: listing, k: values }), 'utf8').toString('base64url');
  return {
    listing,
    keys,
    encode,
    decode(cursor) {
      if (cursor === null || cursor === undefined) return null;
      if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH)
        throw invalid(listing, 'not a cursor string');
      if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid(listing, 'not base64url');
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalid(listing, 'not readable');
      }
      const { l, k } = (parsed ?? {}) as { l?: unknown; k?: unknown };
      if (l !== listing) throw invalid(listing, 'made by another listing');
      if (!Array.isArray(k) || k.length !== keys.length) throw invalid(listing, 'wrong number of keys');
      keys.forEach((kind, i) => {
        const value = k[i];
        if (typeof value !== 'string' || !VALID[kind](value))
          throw invalid(listing, `key ${i + 1} is not a ${kind}`);
      });
      // re-encoding must give the same string: no extra fields, no alternative spellings
      if (encode(k as unknown as Values) !== cursor) throw invalid(listing, 'not in canonical form');
      return k as unknown as Values;
    },
    page(rows, limit, keysOf, item) {
      const kept = rows.slice(0, limit);
      const map = item ?? ((row) => row as unknown as never);
      const items = kept.map(map);
      const last = kept.at(-1);
      return rows.length > limit && last !== undefined ? { items, next: encode(keysOf(last)) } : { items };
    },
  };
}
