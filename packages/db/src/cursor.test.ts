// The page cursor: opaque, exact, and refused with ValidationError `cursor_invalid` when it is not one this
// listing made.
import { describe, expect, test } from 'vitest';
import { defineCursor } from './cursor';
import { ValidationError } from './errors';

const orders = defineCursor('orders.listOrdersOfCompany', ['timestamptz', 'uuid'] as const);
const search = defineCursor('catalog.searchProducts', ['float8', 'uuid'] as const);
const ID = '0b7e7f0e-8a5a-4c3e-9a43-5b0f3c1a2d4e';
const AT = '2026-11-29T21:05:00.123456Z';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).code;
  }
  return 'accepted';
};

describe('defineCursor', () => {
  test('keeps every key exactly: microseconds, ids, shortest float text', () => {
    const cursor = orders.encode([AT, ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(orders.decode(cursor)).toEqual([AT, ID]);
    const score = String(0.0607927106320858);
    expect(search.decode(search.encode([score, ID]))).toEqual([score, ID]);
    expect(orders.decode(undefined)).toBeNull();
    expect(orders.decode(null)).toBeNull();
  });

  test('a text key keeps any text, quotes and non-ASCII included', () => {
    const staff = defineCursor('tenancy.listStaffUsers', ['text', 'uuid'] as const);
    const email = `o'brien+"x"@einkäufe.example`;
    expect(staff.decode(staff.encode([email, ID]))).toEqual([email, ID]);
    const long = 'ä'.repeat(4096); // a long name of two-byte characters still makes a valid cursor
    expect(staff.decode(staff.encode([long, ID]))).toEqual([long, ID]);
  });

  test.each([
    ['an empty string', ''],
    ['garbage', 'not a cursor!'],
    ['base64 of no JSON', b64('{')],
    ['JSON of no object', b64('42')],
    [
      'another listing',
      defineCursor('orders.listReceivableEntries', ['timestamptz', 'uuid'] as const).encode([AT, ID]),
    ],
    ['too few keys', b64(JSON.stringify({ l: orders.listing, k: [AT] }))],
    ['a number for a key', b64(JSON.stringify({ l: orders.listing, k: [AT, 42] }))],
    ['a JS Date string', b64(JSON.stringify({ l: orders.listing, k: ['2026-11-29T21:05:00.123Z', ID] }))],
    [
      'a day that does not exist',
      b64(JSON.stringify({ l: orders.listing, k: ['2026-02-30T21:05:00.123456Z', ID] })),
    ],
    ['SQL in an id', b64(JSON.stringify({ l: orders.listing, k: [AT, `${ID}'; drop table x; --`] }))],
    ['an extra field', b64(JSON.stringify({ l: orders.listing, k: [AT, ID], admin: true }))],
    ['a huge cursor', 'A'.repeat(20_000)],
  ])('%s is refused with cursor_invalid', (_, cursor) => {
    expect(codeOf(() => orders.decode(cursor))).toBe('cursor_invalid');
  });

  test('a non-finite score is refused', () => {
    const cursor = b64(JSON.stringify({ l: search.listing, k: ['NaN', ID] }));
    expect(codeOf(() => search.decode(cursor))).toBe('cursor_invalid');
  });

  test('every single-character change of a cursor is refused or decodes to valid keys only', () => {
    const cursor = orders.encode([AT, ID]);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < cursor.length; i++) {
      for (const ch of alphabet) {
        const tampered = cursor.slice(0, i) + ch + cursor.slice(i + 1);
        if (tampered === cursor) continue;
        let decoded: readonly string[] | null = null;
        try {
          decoded = orders.decode(tampered);
        } catch (e) {
          expect((e as ValidationError).code).toBe('cursor_invalid');
          continue;
        }
        // what survives is still a well-formed (timestamp, uuid): harmless, the SQL reads it as a position
        expect(decoded?.[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
        expect(decoded?.[1]).toMatch(/^[0-9a-f-]{36}$/i);
      }
    }
  });

  test('page() keeps `limit` rows and gives next only when a further row was fetched', () => {
    const rows = [1, 2, 3].map((n) => ({ at: AT, id: ID, n }));
    const full = orders.page(
      rows,
      2,
      (r) => [r.at, r.id],
      (r) => r.n,
    );
    expect(full.items).toEqual([1, 2]);
    expect(orders.decode(full.next)).toEqual([AT, ID]);
    const last = orders.page(
      rows.slice(0, 2),
      2,
      (r) => [r.at, r.id],
      (r) => r.n,
    );
    expect(last).toEqual({ items: [1, 2] });
    expect('next' in last).toBe(false);
  });
});
