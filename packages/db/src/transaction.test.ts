// withTransaction retries serialization failures and deadlocks, and gives up with a typed error.
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RetryExhaustedError } from './errors';
import { createPool } from './pool';
import { withTransaction } from './transaction';

describe('withTransaction', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool({ connectionString: db.adminUrl, max: 4 });
    await pool.query(`create table public.counters (id int primary key, n int not null);
      insert into public.counters values (1, 0), (2, 0);`);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  test('a serialization failure is retried until the transaction commits', async () => {
    let attempts = 0;
    const result = await withTransaction(pool, async (c) => {
      attempts++;
      if (attempts < 3) await c.query(`do $$ begin raise exception using errcode = '40001'; end $$`);
      return (await c.query(`update public.counters set n = n + 1 where id = 1 returning n`)).rows[0].n;
    });
    expect(attempts).toBe(3);
    expect(result).toBe(1);
  });

  test('after the last attempt the caller gets RetryExhaustedError, and nothing was written', async () => {
    const error = await withTransaction(
      pool,
      async (c) => {
        await c.query(`update public.counters set n = n + 100 where id = 2`);
        await c.query(`do $$ begin raise exception using errcode = '40001'; end $$`);
      },
      { attempts: 2, baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((await pool.query(`select n from public.counters where id = 2`)).rows[0].n).toBe(0);
  });

  test('a real deadlock between two transactions is retried: both commit', async () => {
    let gate!: () => void;
    const bothLocked = new Promise<void>((resolve) => {
      let count = 0;
      gate = () => {
        if (++count === 2) resolve();
      };
    });
    const lockInOrder = (first: number, second: number) =>
      withTransaction(pool, async (c) => {
        await c.query(`update public.counters set n = n + 1 where id = $1`, [first]);
        gate();
        await Promise.race([bothLocked, new Promise((r) => setTimeout(r, 200))]);
        await c.query(`update public.counters set n = n + 1 where id = $1`, [second]);
      });
    const before = (await pool.query(`select sum(n)::int as s from public.counters`)).rows[0].s;
    await Promise.all([lockInOrder(1, 2), lockInOrder(2, 1)]);
    const after = (await pool.query(`select sum(n)::int as s from public.counters`)).rows[0].s;
    expect(after - before).toBe(4);
  });
});
