/** Types generated for queries found in "queries/staff-users.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'ListStaffUsers' parameters type */
export interface IListStaffUsersParams {
  afterEmail?: string | null | void;
  afterStaffUserId?: string | null | void;
  limit: number;
  tenantId: string;
}

/** 'ListStaffUsers' return type */
export interface IListStaffUsersResult {
  created_at: Date;
  /** Name shown in the back office (PII). */
  display_name: string;
  /** Login email, lowercase, unique within the tenant (PII). */
  email: string;
  roles: stringArray;
  staff_user_id: string;
  status: string;
}

/** 'ListStaffUsers' query type */
export interface IListStaffUsersQuery {
  params: IListStaffUsersParams;
  result: IListStaffUsersResult;
}

const listStaffUsersIR: any = {"usedParamSet":{"tenantId":true,"afterEmail":true,"afterStaffUserId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":326}]},{"name":"afterEmail","required":false,"transform":{"type":"scalar"},"locs":[{"a":335,"b":345},{"a":394,"b":404}]},{"name":"afterStaffUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":413,"b":429}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":518,"b":524}]}],"statement":"select u.staff_user_id, u.email, u.display_name, u.status, u.created_at,\n  coalesce(array_agg(m.role order by m.role) filter (where m.role is not null), '{}') as \"roles!\"\nfrom tenancy.staff_users u\nleft join tenancy.memberships m on m.tenant_id = u.tenant_id and m.staff_user_id = u.staff_user_id\nwhere u.tenant_id = :tenantId!\n  and (:afterEmail::text is null or (u.email, u.staff_user_id) > (:afterEmail::text, :afterStaffUserId::uuid))\ngroup by u.tenant_id, u.staff_user_id\norder by u.email, u.staff_user_id\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * select u.staff_user_id, u.email, u.display_name, u.status, u.created_at,
 *   coalesce(array_agg(m.role order by m.role) filter (where m.role is not null), '{}') as "roles!"
 * from tenancy.staff_users u
 * left join tenancy.memberships m on m.tenant_id = u.tenant_id and m.staff_user_id = u.staff_user_id
 * where u.tenant_id = :tenantId!
 *   and (:afterEmail::text is null or (u.email, u.staff_user_id) > (:afterEmail::text, :afterStaffUserId::uuid))
 * group by u.tenant_id, u.staff_user_id
 * order by u.email, u.staff_user_id
 * limit (:limit!)::int
 * ```
 */
export const listStaffUsers = new PreparedQuery<IListStaffUsersParams,IListStaffUsersResult>(listStaffUsersIR);


/** 'CreateStaffUser' parameters type */
export interface ICreateStaffUserParams {
  displayName: string;
  email: string;
}

/** 'CreateStaffUser' return type */
export interface ICreateStaffUserResult {
  created_at: Date;
  /** Name shown in the back office (PII). */
  display_name: string;
  /** Login email, lowercase, unique within the tenant (PII). */
  email: string;
  staff_user_id: string;
  status: string;
}

/** 'CreateStaffUser' query type */
export interface ICreateStaffUserQuery {
  params: ICreateStaffUserParams;
  result: ICreateStaffUserResult;
}

const createStaffUserIR: any = {"usedParamSet":{"email":true,"displayName":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":62,"b":68}]},{"name":"displayName","required":true,"transform":{"type":"scalar"},"locs":[{"a":71,"b":83}]}],"statement":"insert into tenancy.staff_users (email, display_name)\nvalues (:email!, :displayName!)\nreturning staff_user_id, email, display_name, status, created_at"};

/**
 * Query generated from SQL:
 * ```
 * insert into tenancy.staff_users (email, display_name)
 * values (:email!, :displayName!)
 * returning staff_user_id, email, display_name, status, created_at
 * ```
 */
export const createStaffUser = new PreparedQuery<ICreateStaffUserParams,ICreateStaffUserResult>(createStaffUserIR);


/** 'UpdateStaffUser' parameters type */
export interface IUpdateStaffUserParams {
  displayName?: string | null | void;
  email?: string | null | void;
  staffUserId: string;
  status?: string | null | void;
  tenantId: string;
}

/** 'UpdateStaffUser' return type */
export interface IUpdateStaffUserResult {
  created_at: Date;
  /** Name shown in the back office (PII). */
  display_name: string;
  /** Login email, lowercase, unique within the tenant (PII). */
  email: string;
  staff_user_id: string;
  status: string;
}

/** 'UpdateStaffUser' query type */
export interface IUpdateStaffUserQuery {
  params: IUpdateStaffUserParams;
  result: IUpdateStaffUserResult;
}

const updateStaffUserIR: any = {"usedParamSet":{"email":true,"displayName":true,"status":true,"tenantId":true,"staffUserId":true},"params":[{"name":"email","required":false,"transform":{"type":"scalar"},"locs":[{"a":48,"b":53}]},{"name":"displayName","required":false,"transform":{"type":"scalar"},"locs":[{"a":92,"b":103}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":143,"b":149}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":178,"b":187}]},{"name":"staffUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":221}]}],"statement":"update tenancy.staff_users\nset email = coalesce(:email, email),\n    display_name = coalesce(:displayName, display_name),\n    status = coalesce(:status, status)\nwhere tenant_id = :tenantId! and staff_user_id = :staffUserId!\nreturning staff_user_id, email, display_name, status, created_at"};

/**
 * Query generated from SQL:
 * ```
 * update tenancy.staff_users
 * set email = coalesce(:email, email),
 *     display_name = coalesce(:displayName, display_name),
 *     status = coalesce(:status, status)
 * where tenant_id = :tenantId! and staff_user_id = :staffUserId!
 * returning staff_user_id, email, display_name, status, created_at
 * ```
 */
export const updateStaffUser = new PreparedQuery<IUpdateStaffUserParams,IUpdateStaffUserResult>(updateStaffUserIR);


/** 'DeleteStaffUser' parameters type */
export interface IDeleteStaffUserParams {
  staffUserId: string;
  tenantId: string;
}

/** 'DeleteStaffUser' return type */
export interface IDeleteStaffUserResult {
  staff_user_id: string;
}

/** 'DeleteStaffUser' query type */
export interface IDeleteStaffUserQuery {
  params: IDeleteStaffUserParams;
  result: IDeleteStaffUserResult;
}

const deleteStaffUserIR: any = {"usedParamSet":{"tenantId":true,"staffUserId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":59}]},{"name":"staffUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":93}]}],"statement":"delete from tenancy.staff_users where tenant_id = :tenantId! and staff_user_id = :staffUserId! returning staff_user_id"};

/**
 * Query generated from SQL:
 * ```
 * delete from tenancy.staff_users where tenant_id = :tenantId! and staff_user_id = :staffUserId! returning staff_user_id
 * ```
 */
export const deleteStaffUser = new PreparedQuery<IDeleteStaffUserParams,IDeleteStaffUserResult>(deleteStaffUserIR);


/** 'GrantRole' parameters type */
export interface IGrantRoleParams {
  grantedBy?: string | null | void;
  role: string;
  staffUserId: string;
}

/** 'GrantRole' return type */
export interface IGrantRoleResult {
  granted_at: Date;
  /** The staff user who granted the role; null when granted by the platform. */
  granted_by: string | null;
  role: string;
  staff_user_id: string;
}

/** 'GrantRole' query type */
export interface IGrantRoleQuery {
  params: IGrantRoleParams;
  result: IGrantRoleResult;
}

const grantRoleIR: any = {"usedParamSet":{"staffUserId":true,"role":true,"grantedBy":true},"params":[{"name":"staffUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":86}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":94}]},{"name":"grantedBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":97,"b":106}]}],"statement":"insert into tenancy.memberships (staff_user_id, role, granted_by)\nvalues (:staffUserId!, :role!, :grantedBy)\nreturning staff_user_id, role, granted_by, granted_at"};

/**
 * Query generated from SQL:
 * ```
 * insert into tenancy.memberships (staff_user_id, role, granted_by)
 * values (:staffUserId!, :role!, :grantedBy)
 * returning staff_user_id, role, granted_by, granted_at
 * ```
 */
export const grantRole = new PreparedQuery<IGrantRoleParams,IGrantRoleResult>(grantRoleIR);


/** 'RevokeRole' parameters type */
export interface IRevokeRoleParams {
  role: string;
  staffUserId: string;
  tenantId: string;
}

/** 'RevokeRole' return type */
export interface IRevokeRoleResult {
  role: string;
  staff_user_id: string;
}

/** 'RevokeRole' query type */
export interface IRevokeRoleQuery {
  params: IRevokeRoleParams;
  result: IRevokeRoleResult;
}

const revokeRoleIR: any = {"usedParamSet":{"tenantId":true,"staffUserId":true,"role":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":59}]},{"name":"staffUserId","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":93}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":106,"b":111}]}],"statement":"delete from tenancy.memberships\nwhere tenant_id = :tenantId! and staff_user_id = :staffUserId! and role = :role!\nreturning staff_user_id, role"};

/**
 * Query generated from SQL:
 * ```
 * delete from tenancy.memberships
 * where tenant_id = :tenantId! and staff_user_id = :staffUserId! and role = :role!
 * returning staff_user_id, role
 * ```
 */
export const revokeRole = new PreparedQuery<IRevokeRoleParams,IRevokeRoleResult>(revokeRoleIR);


