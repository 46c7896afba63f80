// @b2b/tenancy through withTenant as the application role: what apps do, and every typed error.
import { ConflictError, createPool, ForeignKeyError, ValidationError, withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createStaffUser,
  deleteStaffUser,
  getCurrentTenant,
  grantRole,
  listStaffUsers,
  NotFoundError,
  revokeRole,
  updateStaffUser,
  updateTenantSettings,
} from './index';

describe('@b2b/tenancy', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let alpha: string;
  let beta: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    alpha = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    beta = (await admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    await admin.end();
    pool = createPool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const asAlpha = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(pool, { tenantId: alpha }, fn);

  test('reads and updates the current tenant only', async () => {
    const tenant = await asAlpha((c) =>
      updateTenantSettings(c, { name: 'Alpha Ltd', defaultLocale: 'en-GB' }),
    );
    expect(tenant).toMatchObject({ tenant_id: alpha, name: 'Alpha Ltd', default_locale: 'en-GB' });
    const other = await withTenant(pool, { tenantId: beta }, (c) => getCurrentTenant(c));
    expect(other.name).toBe('Beta');
  });

  test('creates staff, grants roles and pages through them by email', async () => {
    await asAlpha(async (c) => {
      const ann = await createStaffUser(c, { email: 'ann@alpha.example', displayName: 'Ann' });
      const bob = await createStaffUser(c, { email: 'bob@alpha.example', displayName: 'Bob' });
      await grantRole(c, { staffUserId: ann.staff_user_id, role: 'owner' });
      await grantRole(c, { staffUserId: bob.staff_user_id, role: 'viewer', grantedBy: ann.staff_user_id });
    });
    const first = await asAlpha((c) => listStaffUsers(c, { limit: 1 }));
    expect(first.items.map((u) => [u.email, u.roles])).toEqual([['ann@alpha.example', ['owner']]]);
    const next = await asAlpha((c) => listStaffUsers(c, { after: first.next, limit: 10 }));
    expect(next.items.map((u) => [u.email, u.roles])).toEqual([['bob@alpha.example', ['viewer']]]);
    expect(next.next).toBeUndefined();
  });

  test('a duplicate email is a ConflictError with a stable code', async () => {
    const error = await asAlpha((c) =>
      createStaffUser(c, { email: 'ann@alpha.example', displayName: 'Ann 2' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'staff_email_taken', constraint: 'uq_staff_users_tenant_id_email' });
  });

  test('a malformed email is a ValidationError that says what is expected', async () => {
    const error = await asAlpha((c) => createStaffUser(c, { email: 'Not An Email', displayName: 'X' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'email_invalid',
      message: expect.stringContaining('name@example.com'),
    });
  });

  test('an unknown role or a user of another tenant is a ForeignKeyError', async () => {
    const bobOfBeta = await withTenant(pool, { tenantId: beta }, (c) =>
      createStaffUser(c, { email: 'bob@beta.example', displayName: 'Bob' }),
    );
    const crossTenant = await asAlpha((c) =>
      grantRole(c, { staffUserId: bobOfBeta.staff_user_id, role: 'admin' }),
    ).catch((e: unknown) => e);
    expect(crossTenant).toBeInstanceOf(ForeignKeyError);
    expect(crossTenant).toMatchObject({ code: 'staff_user_not_found' });
    const users = (await asAlpha((c) => listStaffUsers(c))).items;
    const unknownRole = await asAlpha((c) =>
      // @ts-expect-error: a role the type does not allow, as untyped callers could send
      grantRole(c, { staffUserId: users[0]?.staff_user_id as string, role: 'janitor' }),
    ).catch((e: unknown) => e);
    expect(unknownRole).toMatchObject({ code: 'staff_role_unknown' });
  });

  test("another tenant's user cannot be updated or deleted: NotFoundError, nothing changes", async () => {
    const bobOfBeta = (await withTenant(pool, { tenantId: beta }, (c) => listStaffUsers(c))).items[0];
    const id = bobOfBeta?.staff_user_id as string;
    await expect(asAlpha((c) => updateStaffUser(c, id, { displayName: 'hijacked' }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(asAlpha((c) => deleteStaffUser(c, id))).rejects.toBeInstanceOf(NotFoundError);
    const still = await withTenant(pool, { tenantId: beta }, (c) => listStaffUsers(c));
    expect(still.items[0]?.display_name).toBe('Bob');
  });

  test('revoking a role the user does not hold is a NotFoundError', async () => {
    const [ann] = (await asAlpha((c) => listStaffUsers(c, { limit: 1 }))).items;
    await expect(
      asAlpha((c) => revokeRole(c, { staffUserId: ann?.staff_user_id as string, role: 'viewer' })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
