// A transaction Citus refused because the tenant's shard group moved or split under it is a typed,
// retryable ShardMovingError (mapDbError), and withTenant / withTransaction run it again when asked
// (retryShardMoves), a bounded number of times. The messages are Citus 13.2.2's own (src/backend/
// distributed) as they reached our clients in the rebalancing drill and in citusdata/citus issues; each
// is raised here by a real PostgreSQL with Citus's SQLSTATE, so the driver builds the error as it would.
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DbError, mapDbError, ShardMovingError } from './errors';
import { createPool } from './pool';
import { isShardMoveError, SHARD_MOVE_MESSAGES } from './shard-moves';
import { withTenant } from './tenant';
import { withTransaction } from './transaction';

/** What Citus answers during a move, split or isolation: [SQLSTATE, message]. */
const REFUSALS: [string, string][] = [
  // seen in `pnpm drill:citus-rebalance --fast` (place_order delegated to a worker as its group moved)
  ['XX000', 'cannot execute a distributed query from a query on a shard'],
  ['XX000', 'could not find valid entry for shard 102295'],
  // citusdata/citus#6029: a write during a split
  ['XX000', 'could not find valid entry for shard 102039'],
  ['XX000', 'could not find valid entry for shard placement 18'],
  ['XX000', 'no active placements were found for shard 102041'],
  ['XX000', 'could not find any healthy placement for shard 102041'],
  // citusdata/citus#1160: a write that waited on tenant isolation's lock
  ['XX000', 'failed to assign 1 task(s) to worker nodes'],
  // citusdata/citus#6050
  ['XX000', 'could not find length of shard 107186'],
  ['XX000', 'shard 102044 does not have any shard placements'],
  // citusdata/citus#6029: a read sent to a shard a split dropped
  ['42P01', 'relation "public.test_102039" does not exist'],
  ['42P01', 'relation "orders.order_lines_102273" does not exist'],
];

/** Errors that look alike and are not a moving shard: never retried as one. */
const NOT_MOVES: [string, string][] = [
  ['42P01', 'relation "orders.orders" does not exist'],
  ['42P01', 'relation "scratch.t_2024" does not exist'],
  ['XX000', 'could not find valid entry for node "127.0.0.1:6651"'],
  ['XX000', 'cache lookup failed for function 16384'],
  // a concurrent split, which Citus itself raises as a serialization failure: retried as one
  ['40001', 'shard for the given value does not exist'],
  ['22P02', 'could not find valid entry for shard 102295'],
];

const quoted = (text: string) => text.replaceAll("'", "''");

describe('ShardMovingError', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let pool: pg.Pool;
  let appPool: pg.Pool;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    await client.query(`create table public.placed (n int primary key)`);
    tenantId = (await client.query<{ id: string }>(`select tests.create_tenant('mover') as id`)).rows[0]
      ?.id as string;
    pool = createPool({ connectionString: db.adminUrl, max: 2 });
    appPool = createPool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await appPool.end();
    await pool.end();
    await client.end();
    await db.drop();
  });

  /** The driver's error for `message` raised with `sqlstate` by a real server. */
  async function raised(sqlstate: string, message: string): Promise<unknown> {
    return client
      .query(
        `do $$ begin raise exception using errcode = '${sqlstate}', message = '${quoted(message)}'; end $$`,
      )
      .then(() => {
        throw new Error('raised nothing');
      })
      .catch((e: unknown) => e);
  }

  test.each(REFUSALS)('%s "%s" is ShardMovingError shard_moving, retryable', async (sqlstate, message) => {
    const error = mapDbError(await raised(sqlstate, message));
    expect(error).toBeInstanceOf(ShardMovingError);
    expect(error).toMatchObject({ code: 'shard_moving', sqlstate, retryable: true });
    expect((error as Error).message).toContain(message);
  });

  test.each(NOT_MOVES)('%s "%s" is not a moving shard', async (sqlstate, message) => {
    const error = mapDbError(await raised(sqlstate, message));
    expect(error).not.toBeInstanceOf(ShardMovingError);
    expect(isShardMoveError(sqlstate, message)).toBe(false);
    if (error instanceof DbError) expect(error.retryable).toBe(false);
  });

  test('every message of the family is matched by a refusal above (none listed without a test)', () => {
    for (const { pattern } of SHARD_MOVE_MESSAGES)
      expect(REFUSALS.some(([state, message]) => state === 'XX000' && pattern.test(message))).toBe(true);
  });

  test('other typed errors say they are not retryable', async () => {
    const error = mapDbError(await raised('23505', 'duplicate key value violates unique constraint "x"'));
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).retryable).toBe(false);
  });

  /** A transaction that writes, then is refused as during a move on its first `refusals` attempts. */
  const refusedAtFirst = (refusals: number, n: number) => {
    let attempts = 0;
    const fn = async (c: pg.PoolClient) => {
      attempts++;
      await c.query(`insert into public.placed values ($1)`, [n]);
      if (attempts <= refusals)
        await c.query(
          `do $$ begin raise exception using errcode = 'XX000', message = 'could not find valid entry for shard 102295'; end $$`,
        );
      return attempts;
    };
    return { fn, attempts: () => attempts };
  };
  const placed = async (n: number) =>
    (await client.query(`select count(*)::int as k from public.placed where n = $1`, [n])).rows[0].k;

  test('without retryShardMoves the refusal reaches the caller at once, rolled back', async () => {
    const t = refusedAtFirst(1, 1);
    const error = await withTransaction(pool, t.fn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShardMovingError);
    expect(t.attempts()).toBe(1);
    expect(await placed(1)).toBe(0);
  });

  test('with retryShardMoves the transaction runs again and commits once; onRetry sees each retry', async () => {
    const t = refusedAtFirst(2, 2);
    const retries: { attempt: number; reason: string; error: unknown }[] = [];
    const result = await withTransaction(pool, t.fn, {
      retryShardMoves: { baseDelayMs: 1 },
      onRetry: (r) => retries.push(r),
    });
    expect(result).toBe(3);
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, 'shard_moving'],
      [2, 'shard_moving'],
    ]);
    expect(retries[0]?.error).toBeInstanceOf(ShardMovingError);
    expect(await placed(2)).toBe(1);
  });

  test('the retries are bounded: after the last attempt the ShardMovingError is thrown, nothing written', async () => {
    const t = refusedAtFirst(10, 3);
    const error = await withTransaction(pool, t.fn, {
      retryShardMoves: { attempts: 3, baseDelayMs: 1 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShardMovingError);
    expect(error).toMatchObject({ code: 'shard_moving', retryable: true });
    expect(t.attempts()).toBe(3);
    expect(await placed(3)).toBe(0);
  });

  test('withTenant (as b2b_app) takes the same option: refused once, run again in the same tenant', async () => {
    let attempts = 0;
    const retried: string[] = [];
    const tenant = await withTenant(
      appPool,
      { tenantId },
      async (c) => {
        attempts++;
        if (attempts === 1)
          await c.query(
            `do $$ begin raise exception using errcode = 'XX000', message = 'cannot execute a distributed query from a query on a shard'; end $$`,
          );
        return (await c.query(`select app.current_tenant_id() as t`)).rows[0].t;
      },
      { retryShardMoves: true, onRetry: (r) => retried.push(r.reason) },
    );
    expect(tenant).toBe(tenantId);
    expect(retried).toEqual(['shard_moving']);
  });

  test('serialization failures keep their own bound beside the shard-move retries', async () => {
    let attempts = 0;
    const reasons: string[] = [];
    await withTransaction(
      pool,
      async (c) => {
        attempts++;
        const state = attempts % 2 === 1 ? 'XX000' : '40001';
        const message = state === 'XX000' ? 'no active placements were found for shard 102041' : 'conflict';
        if (attempts <= 4)
          await c.query(
            `do $$ begin raise exception using errcode = '${state}', message = '${message}'; end $$`,
          );
      },
      {
        attempts: 3,
        retryShardMoves: { attempts: 3, baseDelayMs: 1 },
        baseDelayMs: 1,
        onRetry: (r) => reasons.push(r.reason),
      },
    );
    expect(attempts).toBe(5);
    expect(reasons).toEqual([
      'shard_moving',
      'serialization_failure',
      'shard_moving',
      'serialization_failure',
    ]);
  });
});
