// withTenant: context is transaction-local, and concurrent tenants on a small pool never see each other.
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mapDbError, TenantContextError } from './errors';
import { createPool } from './pool';
import { InvalidTenantContextError, tenantOf, withTenant } from './tenant';
import { TransactionAbortedError, TransactionOutcomeUnknownError } from './transaction-errors';

const TENANTS = 8;

describe('withTenant', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const tenantIds: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    for (let i = 0; i < TENANTS; i++) {
      const { rows } = await admin.query<{ id: string }>(`select tests.create_tenant($1) as id`, [
        `tenant-${i}`,
      ]);
      const id = rows[0]?.id as string;
      tenantIds.push(id);
      for (let u = 0; u < 3; u++)
        await admin.query(`select tests.create_staff_user($1, $2)`, [id, `user${u}@t${i}.example`]);
    }
    await admin.end();
    pool = createPool({ connectionString: db.appUrl, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  test('the tenant is set for the transaction only, never left on the pooled connection', async () => {
    const single = createPool({ connectionString: db.appUrl, max: 1 });
    try {
      const inside = await withTenant(
        single,
        { tenantId: tenantIds[0] as string },
        async (c) => (await c.query(`select app.current_tenant_id() as t`)).rows[0].t,
      );
      expect(inside).toBe(tenantIds[0]);
      const after = await single.query(
        `select app.current_tenant_id() as t, count(*)::int as n from tenancy.staff_users`,
      );
      expect(after.rows[0]).toEqual({ t: null, n: 0 });
    } finally {
      await single.end();
    }
  });

  test('the SET LOCAL tenant and user end with the transaction: after a commit and after a rollback', async () => {
    const single = createPool({ connectionString: db.appUrl, max: 1 });
    const settings = `select coalesce(current_setting('app.tenant_id', true), '') as tenant,
      coalesce(current_setting('app.user_id', true), '') as user_id`;
    const tenantId = tenantIds[2] as string;
    const userId = '33333333-3333-3333-3333-333333333333';
    try {
      const inside = await withTenant(single, { tenantId, userId }, async (c) => {
        // set with begin, before any savepoint: rolling back to one keeps it (Citus replays it the same way)
        await c.query('savepoint s');
        await c.query('select 1/0').catch(() => undefined);
        await c.query('rollback to savepoint s');
        return (await c.query(settings)).rows[0];
      });
      expect(inside).toEqual({ tenant: tenantId, user_id: userId });
      // the same (only) connection, after the commit
      expect((await single.query(settings)).rows[0]).toEqual({ tenant: '', user_id: '' });
      const failed = await withTenant(single, { tenantId, userId }, async (c) => {
        await c.query('select 1');
        throw new Error('callback failed');
      }).catch((e: unknown) => e);
      expect((failed as Error).message).toBe('callback failed');
      expect((await single.query(settings)).rows[0]).toEqual({ tenant: '', user_id: '' });
      // app.set_tenant alone, outside a transaction block, lasts only for its own statement
      await single.query(`select app.set_tenant($1, $2)`, [tenantId, userId]);
      expect((await single.query(settings)).rows[0]).toEqual({ tenant: '', user_id: '' });
      // and a user set by one transaction is not seen by the next one that names none
      const next = await withTenant(single, { tenantId }, async (c) => (await c.query(settings)).rows[0]);
      expect(next).toEqual({ tenant: tenantId, user_id: '' });
    } finally {
      await single.end();
    }
  });

  test('1,000 interleaved tenant transactions on a pool of 4 each see only their own tenant', async () => {
    const leaks: string[] = [];
    await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        const tenantId = tenantIds[i % TENANTS] as string;
        await withTenant(pool, { tenantId }, async (client) => {
          const before = await client.query<{ tenant_id: string }>(
            'select tenant_id from tenancy.staff_users',
          );
          // Yield so other transactions interleave on the other connections before we read again.
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          const tenants = await client.query<{ tenant_id: string }>('select tenant_id from tenancy.tenants');
          for (const row of [...before.rows, ...tenants.rows]) {
            if (row.tenant_id !== tenantId)
              leaks.push(`transaction ${i} for ${tenantId} saw ${row.tenant_id}`);
          }
          if (before.rowCount !== 3 || tenants.rowCount !== 1)
            leaks.push(`transaction ${i} saw wrong counts`);
        });
      }),
    );
    expect(leaks).toEqual([]);
  });

  test('tenantOf gives the tenant of the withTenant call that handed out the client, and nothing outside it', async () => {
    const tenantId = tenantIds[0] as string;
    let leaked: pg.PoolClient | undefined;
    const seen = await withTenant(pool, { tenantId }, async (c) => {
      leaked = c;
      return tenantOf(c);
    });
    expect(seen).toBe(tenantId);
    expect(() => tenantOf(leaked as pg.PoolClient)).toThrow(InvalidTenantContextError);
    const bare = await pool.connect();
    try {
      expect(() => tenantOf(bare)).toThrow(InvalidTenantContextError);
    } finally {
      bare.release();
    }
  });

  test('a malformed tenant id is refused before touching the database', async () => {
    await expect(withTenant(pool, { tenantId: 'tenant-1' }, async () => 1)).rejects.toBeInstanceOf(
      InvalidTenantContextError,
    );
  });

  test('ids are inlined with begin only after the UUID check: quotes and SQL are refused', async () => {
    const sneaky = "00000000-0000-0000-0000-000000000000', true); select pg_sleep(1); --";
    await expect(withTenant(pool, { tenantId: sneaky }, async () => 1)).rejects.toBeInstanceOf(
      InvalidTenantContextError,
    );
    const tenantId = '11111111-1111-1111-1111-111111111111';
    await expect(withTenant(pool, { tenantId, userId: sneaky }, async () => 1)).rejects.toBeInstanceOf(
      InvalidTenantContextError,
    );
    const userId = '22222222-2222-2222-2222-222222222222';
    const seen = await withTenant(pool, { tenantId, userId }, async (c) => {
      const { rows } = await c.query<{ tenant: string; user_id: string }>(
        `select current_setting('app.tenant_id') as tenant, current_setting('app.user_id') as user_id`,
      );
      return rows[0];
    });
    expect(seen).toEqual({ tenant: tenantId, user_id: userId });
  });

  test('writing outside withTenant is a typed TenantContextError', async () => {
    const attempt = pool.query(
      `insert into tenancy.staff_users (email, display_name) values ('a@b.example', 'A')`,
    );
    const error = await attempt.catch((e: unknown) => e);
    const mapped = mapDbError(error);
    expect(mapped).toBeInstanceOf(TenantContextError);
    expect((mapped as TenantContextError).code).toBe('tenant_context_missing');
  });

  test('a tenant transaction whose error the callback swallowed is TransactionAbortedError, and the group does not exist', async () => {
    const tenantId = tenantIds[1] as string;
    const error = await withTenant(pool, { tenantId }, async (c) => {
      await c.query(`insert into accounts.customer_groups (name) values ('g')`);
      try {
        await c.query('select 1/0');
      } catch {
        // swallowed: PostgreSQL answers the final commit with ROLLBACK
      }
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionAbortedError);
    expect((error as TransactionAbortedError).code).toBe('transaction_rolled_back');
    const groups = await withTenant(
      pool,
      { tenantId },
      async (c) =>
        (await c.query(`select count(*)::int as n from accounts.customer_groups where name = 'g'`)).rows[0].n,
    );
    expect(groups).toBe(0);
  });

  test('a tenant transaction the callback rolled back itself is transaction_ended_in_callback', async () => {
    const tenantId = tenantIds[1] as string;
    const error = await withTenant(pool, { tenantId }, async (c) => {
      await c.query(`insert into accounts.customer_groups (name) values ('rolled back by fn')`);
      await c.query('rollback');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionOutcomeUnknownError);
    expect((error as TransactionOutcomeUnknownError).code).toBe('transaction_ended_in_callback');
  });
});
