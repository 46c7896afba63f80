// An ordering world for one fresh tenant of the shared Citus database (db-tests/_support's
// tests.create_order_world, run as the superuser on the coordinator), and the application role's pool.
import { createPool, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';

export interface CitusOrderWorld {
  tenantId: string;
  companyId: string;
  purchaserRoleId: string;
  buyerId: string;
  variantId: string;
  warehouseId: string;
}

export interface CitusOrdersBed {
  world: CitusOrderWorld;
  pool: pg.Pool;
  /** Runs `sql` as the superuser on the coordinator (fixtures and checks; RLS does not apply). */
  admin<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** The first column of the first row of `sql`, run as admin (throws when there is no row). */
  adminValue<T>(sql: string, params?: unknown[]): Promise<T>;
  /** Runs fn as b2b_app for the world's tenant (and the acting user), as the application does. */
  asTenant<T>(fn: Parameters<typeof withTenant<T>>[2], userId?: string): Promise<T>;
  close(): Promise<void>;
}

export async function openCitusOrdersBed(
  label: string,
  stock: number,
  poolSize = 4,
): Promise<CitusOrdersBed> {
  const db = citusTestDatabase();
  const { tenantId } = await freshTenant(label);
  const admin = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    withClient(db.adminUrl, async (c) => (await c.query<R>(sql, params)).rows);
  const [w] = await admin<Record<string, string>>('select * from tests.create_order_world($1, stock => $2)', [
    tenantId,
    stock,
  ]);
  if (!w) throw new Error('tests.create_order_world returned nothing');
  const pool = createPool({ connectionString: db.appUrl, max: poolSize });
  const slots = new Slots(poolSize);
  return {
    world: {
      tenantId,
      companyId: w.company,
      purchaserRoleId: w.purchaser_role,
      buyerId: w.buyer,
      variantId: w.variant,
      warehouseId: w.warehouse,
    } as CitusOrderWorld,
    pool,
    admin,
    async adminValue<T>(sql: string, params: unknown[] = []) {
      const [row] = await admin(sql, params);
      if (!row) throw new Error(`no row from ${sql}`);
      return Object.values(row)[0] as T;
    },
    asTenant: (fn, userId) => slots.run(() => withTenant(pool, { tenantId, userId }, fn)),
    close: () => pool.end(),
  };
}

/**
 * At most `size` calls at a time, the others wait their turn here. The pool would queue them too, but gives
 * up on a connection after its connectionTimeoutMillis (10 s), and three nodes on the test machine's cores
 * take longer than that to work through 200 buyers: a test of oversell, not of pool waits.
 */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
