// mapDbError reads the SQLSTATE first and the constraint name second: a catalog entry of a constraint is
// used only for the SQLSTATE that constraint can raise; limits and data exceptions get their own codes.
// Every error here is raised by a real PostgreSQL.
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConflictError, DbError, mapDbError, ValidationError } from './errors';
import { toTypedError } from './input';

describe('mapDbError by SQLSTATE first', () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    // A table whose unique index carries the name of a real catalogued constraint (the case:
    // an 8,000-character slug reached uq_product_translations_tenant_id_locale_slug and failed with
    // 54000, index row too large, which was reported as product_slug_taken).
    await client.query(`create schema scratch;
      create table scratch.slugs (slug text, code varchar(5), amount numeric(4, 2), at timestamptz,
        constraint uq_product_translations_tenant_id_locale_slug unique (slug),
        constraint chk_buyers_email_length check (char_length(slug) <= 9000));`);
    await client.query('begin');
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function errorOf(sql: string, params: unknown[] = []): Promise<unknown> {
    await client.query('savepoint s');
    try {
      await client.query(sql, params);
    } catch (error) {
      return mapDbError(error);
    } finally {
      await client.query('rollback to savepoint s').catch(() => {});
    }
    throw new Error(`${sql} succeeded`);
  }

  // 8,000 characters that do not compress, so the index row really is too large
  const incompressible = Array.from({ length: 8000 }, (_, i) =>
    String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
  ).join('');

  test('an index row too large (54000) on a uq_ index is value_too_large, not the uniqueness code', async () => {
    const error = await errorOf('insert into scratch.slugs (slug) values ($1)', [incompressible]);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ sqlstate: '54000', code: 'value_too_large', constraint: undefined });
  });

  test('a real duplicate on the same index is still the catalogued conflict', async () => {
    await client.query(`insert into scratch.slugs (slug) values ('drill')`);
    const error = await errorOf(`insert into scratch.slugs (slug) values ('drill')`);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ sqlstate: '23505', code: 'product_slug_taken' });
  });

  test('a chk_ constraint violated (23514) gives its catalogued code', async () => {
    const error = await errorOf('insert into scratch.slugs (slug) values ($1)', ['x'.repeat(9001)]);
    expect(error).toMatchObject({ sqlstate: '23514', code: 'buyer_email_too_long' });
  });

  test('a NUL byte in text (22021) is text_encoding_invalid', async () => {
    const error = await errorOf('select $1::text', ['a\u0000b']);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ sqlstate: '22021', code: 'text_encoding_invalid' });
  });

  test('a \\u0000 escape in JSON text (22P05) is text_encoding_invalid', async () => {
    const error = await errorOf(`select ($1::jsonb ->> 'a')`, ['{"a": "x\\u0000y"}']);
    expect(error).toMatchObject({ sqlstate: '22P05', code: 'text_encoding_invalid' });
  });

  test('a string too long for varchar (22001) is value_too_long', async () => {
    const error = await errorOf('insert into scratch.slugs (code) values ($1)', ['abcdef']);
    expect(error).toMatchObject({ sqlstate: '22001', code: 'value_too_long' });
  });

  test('a malformed uuid (22P02) and a number out of range (22003) keep the generic value_invalid', async () => {
    expect(await errorOf('select $1::uuid', ['not-a-uuid'])).toMatchObject({
      sqlstate: '22P02',
      code: 'value_invalid',
    });
    expect(await errorOf('insert into scratch.slugs (amount) values ($1)', ['1000'])).toMatchObject({
      sqlstate: '22003',
      code: 'value_invalid',
    });
  });

  test('malformed and out-of-range datetimes (22007, 22008) have their own codes', async () => {
    expect(await errorOf('insert into scratch.slugs (at) values ($1)', ['yesterday-ish'])).toMatchObject({
      sqlstate: '22007',
      code: 'datetime_malformed',
    });
    expect(await errorOf('insert into scratch.slugs (at) values ($1)', ['2026-13-45'])).toMatchObject({
      sqlstate: '22008',
      code: 'datetime_out_of_range',
    });
  });

  test('toTypedError turns what mapDbError leaves alone into a DbError, and argument errors into input_invalid', async () => {
    const syntax = await (async () => {
      await client.query('savepoint s');
      try {
        await client.query('selec 1');
      } catch (error) {
        return toTypedError(error);
      } finally {
        await client.query('rollback to savepoint s');
      }
    })();
    expect(syntax).toBeInstanceOf(DbError);
    expect(syntax).toMatchObject({ sqlstate: '42601', code: 'database_error' });
    expect(toTypedError(new TypeError('rows is not iterable'))).toMatchObject({
      name: 'ValidationError',
      code: 'input_invalid',
    });
  });
});
