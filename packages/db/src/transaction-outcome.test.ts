// withTransaction reports a commit only when the server committed: a transaction that was rolled back, or
// ended by the callback, or whose commit was lost with the connection, is a typed error, never a result.
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ConflictError, ForeignKeyError } from './errors';
import { createPool } from './pool';
import { withTransaction } from './transaction';
import { TransactionAbortedError, TransactionOutcomeUnknownError } from './transaction-errors';

describe('withTransaction reports the outcome the server decided', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const rows = async () =>
    (await pool.query<{ note: string }>(`select note from public.notes order by note`)).rows.map(
      (r) => r.note,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool({ connectionString: db.adminUrl, max: 4 });
    await pool.query(`
      create table public.parents (id int primary key);
      create table public.notes (
        note text primary key,
        parent_id int,
        constraint fk_notes_parent foreign key (parent_id) references public.parents (id)
          deferrable initially deferred,
        constraint uq_notes_note_deferred unique (note) deferrable initially deferred
      );`);
  });
  beforeEach(async () => {
    await pool.query(`truncate public.notes`);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  test('a failed statement swallowed by the callback is TransactionAbortedError, and nothing is written', async () => {
    let calls = 0;
    const error = await withTransaction(pool, async (c) => {
      calls++;
      await c.query(`insert into public.notes (note) values ('swallowed')`);
      try {
        await c.query('select 1/0');
      } catch {
        // the caller "handles" it and carries on: PostgreSQL will answer commit with ROLLBACK
      }
      return 'reported as done';
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionAbortedError);
    expect((error as TransactionAbortedError).code).toBe('transaction_rolled_back');
    expect(calls).toBe(1); // not retried: the cause was swallowed, so it is the caller's call
    expect(await rows()).toEqual([]);
  });

  test('statements sent after the swallowed error are refused, and the outcome is still rolled back', async () => {
    const error = await withTransaction(pool, async (c) => {
      await c.query(`insert into public.notes (note) values ('a')`);
      await c.query('select 1/0').catch(() => undefined);
      await c.query(`insert into public.notes (note) values ('b')`).catch(() => undefined);
    }).catch((e: unknown) => e);
    expect((error as TransactionAbortedError).code).toBe('transaction_rolled_back');
    expect(await rows()).toEqual([]);
  });

  test('a savepoint rolled back inside the callback keeps the transaction committable', async () => {
    const result = await withTransaction(pool, async (c) => {
      await c.query(`insert into public.notes (note) values ('kept')`);
      await c.query('savepoint s');
      await c.query('select 1/0').catch(() => undefined);
      await c.query('rollback to savepoint s');
      await c.query(`insert into public.notes (note) values ('after savepoint')`);
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(await rows()).toEqual(['after savepoint', 'kept']);
  });

  test('a deferred foreign key that fails at commit is its typed error, and nothing is written', async () => {
    const error = await withTransaction(pool, async (c) => {
      await c.query(`insert into public.notes (note, parent_id) values ('orphan', 42)`);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyError);
    expect((error as ForeignKeyError).constraint).toBe('fk_notes_parent');
    expect(await rows()).toEqual([]);
  });

  test('a deferred unique constraint that fails at commit is a ConflictError', async () => {
    const error = await withTransaction(pool, async (c) => {
      await c.query(`insert into public.notes (note) values ('twice')`);
      await c.query(`insert into public.notes (note) values ('twice')`);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).sqlstate).toBe('23505');
    expect(await rows()).toEqual([]);
  });

  test.each([
    ['rollback', []],
    ['commit', ['before']],
    ['rollback and chain', []],
    ['commit and chain', ['before']],
    ['abort', []],
    ['end', ['before']],
  ])(
    'a callback that sends %s itself gets transaction_ended_in_callback; later work is not committed by withTransaction',
    async (statement, kept) => {
      const error = await withTransaction(pool, async (c) => {
        await c.query(`insert into public.notes (note) values ('before')`);
        await c.query(statement);
        if (statement.endsWith('chain')) await c.query(`insert into public.notes (note) values ('after')`);
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransactionOutcomeUnknownError);
      expect((error as TransactionOutcomeUnknownError).code).toBe('transaction_ended_in_callback');
      // what the callback itself committed stays; what was open when withTransaction took over is rolled back
      expect(await rows()).toEqual(kept);
    },
  );

  test('a connection terminated before commit is transaction_outcome_unknown, not retried, and the pool recovers', async () => {
    let calls = 0;
    const error = await withTransaction(pool, async (c) => {
      calls++;
      await c.query(`insert into public.notes (note) values ('lost')`);
      const pid = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      const admin = new pg.Client({ connectionString: db.adminUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionOutcomeUnknownError);
    expect((error as TransactionOutcomeUnknownError).code).toBe('transaction_outcome_unknown');
    expect(calls).toBe(1);
    expect(await rows()).toEqual([]);
    // the broken connection was not handed back: the next transaction works
    expect(await withTransaction(pool, async (c) => (await c.query('select 1 as one')).rows[0]?.one)).toBe(1);
  });

  test('a normal transaction commits and returns the callback result', async () => {
    const result = await withTransaction(pool, async (c) => {
      await c.query(`insert into public.notes (note) values ('ok')`);
      return 7;
    });
    expect(result).toBe(7);
    expect(await rows()).toEqual(['ok']);
  });
});
