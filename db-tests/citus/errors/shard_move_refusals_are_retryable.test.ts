// What Citus answers a statement that runs a distributed query from inside a query on a shard: the refusal
// a call delegated to a worker gets when its tenant's shard group moves away under it (seen in
// `pnpm drill:citus-rebalance`). Provoked here without a move, deterministically: a tenant function that
// reads distributed tables (catalog.resolve_price), called per row of a query routed to the tenant's
// shard, runs on the worker inside that shard's query. The error reaches the client as Citus sends it
// (SQLSTATE XX000, the bare message, no field), and @b2b/db types it ShardMovingError `shard_moving`,
// `retryable: true`; withTenant's retryShardMoves runs the transaction again, a bounded number of times.
// (Here the refusal is permanent, so every attempt gets it: that is what shows the bound.)
import { createPool, ShardMovingError, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const db = citusTestDatabase();
let pool: pg.Pool;
let tenantId: string;

beforeAll(async () => {
  ({ tenantId } = await freshTenant('shard move refusals'));
  await withClient(db.adminUrl, async (c) => {
    const { rows } = await c.query<{ id: string }>(`select tests.create_product($1, 'Refusal') as id`, [
      tenantId,
    ]);
    await c.query(`select tests.create_variant($1, $2, 'REF-1')`, [tenantId, rows[0]?.id]);
  });
  pool = createPool({ connectionString: db.appUrl, max: 2 });
});
afterAll(async () => {
  await pool.end();
});

/** A distributed query inside a query on the tenant's shard: refused by Citus on the worker. */
const nested = (c: pg.PoolClient) =>
  c.query(
    `select (catalog.resolve_price(v.tenant_id, null, v.variant_id, 1, 'EUR')).unit_price
       from catalog.variants v where v.tenant_id = $1`,
    [tenantId],
  );

describe("Citus's refusal of a query whose shard is not where it was planned, as b2b_app", () => {
  test('reaches the client as XX000 with the bare message, and is ShardMovingError shard_moving, retryable', async () => {
    const error = await withTenant(pool, { tenantId }, nested).catch((e: unknown) => e);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    console.log('refusal on Citus:', { code: cause?.code, message: cause?.message });
    expect(cause).toMatchObject({
      code: 'XX000',
      message: 'cannot execute a distributed query from a query on a shard',
    });
    expect(error).toBeInstanceOf(ShardMovingError);
    expect(error).toMatchObject({ code: 'shard_moving', sqlstate: 'XX000', retryable: true });
  });

  test('withTenant retryShardMoves runs the transaction again, up to its bound, then throws it', async () => {
    let attempts = 0;
    const reasons: string[] = [];
    const error = await withTenant(
      pool,
      { tenantId },
      (c) => {
        attempts++;
        return nested(c);
      },
      { retryShardMoves: { attempts: 3, baseDelayMs: 1 }, onRetry: (r) => reasons.push(r.reason) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShardMovingError);
    expect(attempts).toBe(3);
    expect(reasons).toEqual(['shard_moving', 'shard_moving']);
  });
});
