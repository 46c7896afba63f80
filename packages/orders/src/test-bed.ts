// Fixtures for the @b2b/orders tests: a tenant with an ordering world (db-tests/_support fixtures), built
// as the superuser before the application role acts.
import { createPool, withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';

export interface OrderWorld {
  tenantId: string;
  companyId: string;
  purchaserRoleId: string;
  buyerId: string;
  variantId: string;
  warehouseId: string;
}

export interface OrdersTestBed {
  db: TestDatabase;
  pool: pg.Pool;
  admin: pg.Client;
  world: OrderWorld;
  /** Runs fn as the application role for the world's tenant (and the given acting user). */
  asTenant: <T>(fn: Parameters<typeof withTenant<T>>[2], userId?: string) => Promise<T>;
  close(): Promise<void>;
}

export async function openTestBed(options: { stock: number; poolSize?: number }): Promise<OrdersTestBed> {
  const db = await createTestDatabase();
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const tenantId: string = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
  const w = (
    await admin.query('select * from tests.create_order_world($1, stock => $2)', [tenantId, options.stock])
  ).rows[0];
  const world: OrderWorld = {
    tenantId,
    companyId: w.company,
    purchaserRoleId: w.purchaser_role,
    buyerId: w.buyer,
    variantId: w.variant,
    warehouseId: w.warehouse,
  };
  const pool = createPool({ connectionString: db.appUrl, max: options.poolSize ?? 4 });
  return {
    db,
    pool,
    admin,
    world,
    asTenant: (fn, userId) => withTenant(pool, { tenantId, userId }, fn),
    async close() {
      await pool.end();
      await admin.end();
      await db.drop();
    },
  };
}
