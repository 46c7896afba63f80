// @b2b/tenancy: the tenant's own settings and its staff. Every function runs inside withTenant();
// row-level security limits it to that tenant, and the database's constraints report bad input as
// typed errors from @b2b/db. Every query names its tenant as a value (tenantOf(client): tenant_id =
// :tenantId), so on Citus it is routed to the one node that holds the tenant; tenancy.tenants itself is
// a reference table, read by its id.
import {
  defineCursor,
  fetchSize,
  NotFoundError,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  createStaffUser as createStaffUserQuery,
  deleteStaffUser as deleteStaffUserQuery,
  grantRole as grantRoleQuery,
  type ICreateStaffUserResult,
  type IListStaffUsersResult,
  listStaffUsers as listStaffUsersQuery,
  revokeRole as revokeRoleQuery,
  updateStaffUser as updateStaffUserQuery,
} from '../queries/staff-users.queries';
import {
  getCurrentTenant as getCurrentTenantQuery,
  type IGetCurrentTenantResult,
  updateTenantSettings as updateTenantSettingsQuery,
} from '../queries/tenants.queries';

export type Tenant = IGetCurrentTenantResult;
export type StaffUser = ICreateStaffUserResult;
export type StaffUserWithRoles = IListStaffUsersResult;
export type StaffRole = 'owner' | 'admin' | 'catalog_manager' | 'order_manager' | 'viewer';

/** The tenant the client acts for (tenancy.tenants by its id). SQL: GetCurrentTenant. */
export async function getCurrentTenant(client: Queryable): Promise<Tenant> {
  return one(await getCurrentTenantQuery.run({ tenantId: tenantOf(client) }, client), 'The current tenant');
}

export async function updateTenantSettings(
  client: Queryable,
  settings: { name?: string; defaultLocale?: string; defaultCurrency?: string },
): Promise<Tenant> {
  return one(
    await updateTenantSettingsQuery.run({ ...settings, tenantId: tenantOf(client) }, client),
    'The current tenant',
  );
}

const STAFF_PAGE = defineCursor('tenancy.listStaffUsers', ['text', 'uuid'] as const);

/**
 * One page of the tenant's staff with their roles, by email ascending, then id: `{ items, next? }`; pass
 * `next` as `after` for the following page (absent: no more). `limit` 1 to 500 (default 50; RangeError
 * otherwise); ValidationError `cursor_invalid` for a cursor this listing did not make. SQL: ListStaffUsers.
 */
export async function listStaffUsers(
  client: Queryable,
  page: { after?: string | null; limit?: number } = {},
): Promise<Page<StaffUserWithRoles>> {
  const limit = pageLimit(page.limit, { fallback: 50, max: 500 });
  const [afterEmail, afterStaffUserId] = STAFF_PAGE.decode(page.after) ?? [null, null];
  const rows = await listStaffUsersQuery.run(
    { tenantId: tenantOf(client), afterEmail, afterStaffUserId, limit: fetchSize(limit) },
    client,
  );
  return STAFF_PAGE.page(rows, limit, (r) => [r.email, r.staff_user_id]);
}

export async function createStaffUser(
  client: Queryable,
  user: { email: string; displayName: string },
): Promise<StaffUser> {
  return one(await createStaffUserQuery.run(user, client), 'The new staff user');
}

export async function updateStaffUser(
  client: Queryable,
  staffUserId: string,
  changes: { email?: string; displayName?: string; status?: 'active' | 'disabled' },
): Promise<StaffUser> {
  return one(
    await updateStaffUserQuery.run({ ...changes, tenantId: tenantOf(client), staffUserId }, client),
    `Staff user ${staffUserId}`,
  );
}

export async function deleteStaffUser(client: Queryable, staffUserId: string): Promise<void> {
  one(
    await deleteStaffUserQuery.run({ tenantId: tenantOf(client), staffUserId }, client),
    `Staff user ${staffUserId}`,
  );
}

export async function grantRole(
  client: Queryable,
  grant: { staffUserId: string; role: StaffRole; grantedBy?: string },
): Promise<void> {
  await grantRoleQuery.run({ ...grant, grantedBy: grant.grantedBy ?? null }, client);
}

export async function revokeRole(
  client: Queryable,
  revoke: { staffUserId: string; role: StaffRole },
): Promise<void> {
  one(
    await revokeRoleQuery.run({ ...revoke, tenantId: tenantOf(client) }, client),
    `Role ${revoke.role} of staff user ${revoke.staffUserId}`,
  );
}

export { NotFoundError };
