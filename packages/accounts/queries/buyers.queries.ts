/** Types generated for queries found in "queries/buyers.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'CreateBuyerRole' parameters type */
export interface ICreateBuyerRoleParams {
  description?: string | null | void;
  name: string;
}

/** 'CreateBuyerRole' return type */
export interface ICreateBuyerRoleResult {
  buyer_role_id: string;
  description: string | null;
  name: string;
}

/** 'CreateBuyerRole' query type */
export interface ICreateBuyerRoleQuery {
  params: ICreateBuyerRoleParams;
  result: ICreateBuyerRoleResult;
}

const createBuyerRoleIR: any = {"usedParamSet":{"name":true,"description":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":66}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":69,"b":80}]}],"statement":"insert into accounts.buyer_roles (name, description)\nvalues (:name!, :description)\nreturning buyer_role_id, name, description                                                                                                                                                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * insert into accounts.buyer_roles (name, description)
 * values (:name!, :description)
 * returning buyer_role_id, name, description                                                                                                                                                                                                                              
 * ```
 */
export const createBuyerRole = new PreparedQuery<ICreateBuyerRoleParams,ICreateBuyerRoleResult>(createBuyerRoleIR);


/** 'AddBuyerRolePermissions' parameters type */
export interface IAddBuyerRolePermissionsParams {
  rows: readonly ({
    buyerRoleId: string,
    permission: string
  })[];
}

/** 'AddBuyerRolePermissions' return type */
export type IAddBuyerRolePermissionsResult = void;

/** 'AddBuyerRolePermissions' query type */
export interface IAddBuyerRolePermissionsQuery {
  params: IAddBuyerRolePermissionsParams;
  result: IAddBuyerRolePermissionsResult;
}

const addBuyerRolePermissionsIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"buyerRoleId","required":true},{"name":"permission","required":true}]},"locs":[{"a":79,"b":83}]}],"statement":"insert into accounts.buyer_role_permissions (buyer_role_id, permission)\nvalues :rows\non conflict do nothing                                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * insert into accounts.buyer_role_permissions (buyer_role_id, permission)
 * values :rows
 * on conflict do nothing                                                                                                                                                                                                            
 * ```
 */
export const addBuyerRolePermissions = new PreparedQuery<IAddBuyerRolePermissionsParams,IAddBuyerRolePermissionsResult>(addBuyerRolePermissionsIR);


/** 'CreateBuyer' parameters type */
export interface ICreateBuyerParams {
  buyerId?: string | null | void;
  buyerRoleId: string;
  companyId: string;
  email: string;
  fullName: string;
  phoneSealed?: Buffer | null | void;
  spendingLimit?: string | null | void;
  spendingPeriod?: string | null | void;
}

/** 'CreateBuyer' return type */
export interface ICreateBuyerResult {
  buyer_id: string;
  buyer_role_id: string;
  company_id: string;
  created_at: Date;
  /** Login email, lowercase, unique within the company. */
  email: string;
  full_name: string;
  /** E.164 phone number (+ and up to 15 digits), encrypted with the data key (pgcrypto; read with app.decrypt_personal). */
  phone_sealed: Buffer | null;
  /** Most the buyer may order per spending_period, in the company's default_currency and its minor units (chk_buyers_spending_limit_money); null = no limit. */
  spending_limit: string | null;
  /** day, week or month: the calendar period spending_limit applies to; set exactly when spending_limit is. */
  spending_period: string | null;
  status: string;
  updated_at: Date;
}

/** 'CreateBuyer' query type */
export interface ICreateBuyerQuery {
  params: ICreateBuyerParams;
  result: ICreateBuyerResult;
}

const createBuyerIR: any = {"usedParamSet":{"buyerId":true,"companyId":true,"buyerRoleId":true,"email":true,"fullName":true,"phoneSealed":true,"spendingLimit":true,"spendingPeriod":true},"params":[{"name":"buyerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":143,"b":150}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":179,"b":189}]},{"name":"buyerRoleId","required":true,"transform":{"type":"scalar"},"locs":[{"a":192,"b":204}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":207,"b":213}]},{"name":"fullName","required":true,"transform":{"type":"scalar"},"locs":[{"a":216,"b":225}]},{"name":"phoneSealed","required":false,"transform":{"type":"scalar"},"locs":[{"a":228,"b":239}]},{"name":"spendingLimit","required":false,"transform":{"type":"scalar"},"locs":[{"a":251,"b":264}]},{"name":"spendingPeriod","required":false,"transform":{"type":"scalar"},"locs":[{"a":267,"b":281}]}],"statement":"insert into accounts.buyers (buyer_id, company_id, buyer_role_id, email, full_name, phone, spending_limit,\n  spending_period)\nvalues (coalesce(:buyerId::uuid, gen_random_uuid()), :companyId!, :buyerRoleId!, :email!, :fullName!, :phoneSealed::bytea,\n  :spendingLimit, :spendingPeriod)\nreturning buyer_id, company_id, buyer_role_id, email, full_name, phone as phone_sealed, status, spending_limit,\n  spending_period, created_at, updated_at                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * insert into accounts.buyers (buyer_id, company_id, buyer_role_id, email, full_name, phone, spending_limit,
 *   spending_period)
 * values (coalesce(:buyerId::uuid, gen_random_uuid()), :companyId!, :buyerRoleId!, :email!, :fullName!, :phoneSealed::bytea,
 *   :spendingLimit, :spendingPeriod)
 * returning buyer_id, company_id, buyer_role_id, email, full_name, phone as phone_sealed, status, spending_limit,
 *   spending_period, created_at, updated_at                                                                                                
 * ```
 */
export const createBuyer = new PreparedQuery<ICreateBuyerParams,ICreateBuyerResult>(createBuyerIR);


/** 'UpdateBuyer' parameters type */
export interface IUpdateBuyerParams {
  buyerId: string;
  buyerRoleId?: string | null | void;
  email?: string | null | void;
  fullName?: string | null | void;
  phoneSealed?: Buffer | null | void;
  status?: string | null | void;
  tenantId: string;
}

/** 'UpdateBuyer' return type */
export interface IUpdateBuyerResult {
  buyer_id: string;
  buyer_role_id: string;
  company_id: string;
  created_at: Date;
  /** Login email, lowercase, unique within the company. */
  email: string;
  full_name: string;
  /** E.164 phone number (+ and up to 15 digits), encrypted with the data key (pgcrypto; read with app.decrypt_personal). */
  phone_sealed: Buffer | null;
  /** Most the buyer may order per spending_period, in the company's default_currency and its minor units (chk_buyers_spending_limit_money); null = no limit. */
  spending_limit: string | null;
  /** day, week or month: the calendar period spending_limit applies to; set exactly when spending_limit is. */
  spending_period: string | null;
  status: string;
  updated_at: Date;
}

/** 'UpdateBuyer' query type */
export interface IUpdateBuyerQuery {
  params: IUpdateBuyerParams;
  result: IUpdateBuyerResult;
}

const updateBuyerIR: any = {"usedParamSet":{"buyerRoleId":true,"email":true,"fullName":true,"phoneSealed":true,"status":true,"tenantId":true,"buyerId":true},"params":[{"name":"buyerRoleId","required":false,"transform":{"type":"scalar"},"locs":[{"a":52,"b":63}]},{"name":"email","required":false,"transform":{"type":"scalar"},"locs":[{"a":103,"b":108}]},{"name":"fullName","required":false,"transform":{"type":"scalar"},"locs":[{"a":144,"b":152}]},{"name":"phoneSealed","required":false,"transform":{"type":"scalar"},"locs":[{"a":188,"b":199}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":239,"b":245}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":283}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":300,"b":308}]}],"statement":"update accounts.buyers\nset buyer_role_id = coalesce(:buyerRoleId, buyer_role_id),\n    email = coalesce(:email, email),\n    full_name = coalesce(:fullName, full_name),\n    phone = coalesce(:phoneSealed::bytea, phone),\n    status = coalesce(:status, status)\nwhere tenant_id = :tenantId! and buyer_id = :buyerId!\nreturning buyer_id, company_id, buyer_role_id, email, full_name, phone as phone_sealed, status, spending_limit,\n  spending_period, created_at, updated_at                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * update accounts.buyers
 * set buyer_role_id = coalesce(:buyerRoleId, buyer_role_id),
 *     email = coalesce(:email, email),
 *     full_name = coalesce(:fullName, full_name),
 *     phone = coalesce(:phoneSealed::bytea, phone),
 *     status = coalesce(:status, status)
 * where tenant_id = :tenantId! and buyer_id = :buyerId!
 * returning buyer_id, company_id, buyer_role_id, email, full_name, phone as phone_sealed, status, spending_limit,
 *   spending_period, created_at, updated_at                                                                                                                                            
 * ```
 */
export const updateBuyer = new PreparedQuery<IUpdateBuyerParams,IUpdateBuyerResult>(updateBuyerIR);


/** 'ListBuyersOfCompany' parameters type */
export interface IListBuyersOfCompanyParams {
  afterBuyerId?: string | null | void;
  afterEmail?: string | null | void;
  companyId: string;
  limit: number;
  tenantId: string;
}

/** 'ListBuyersOfCompany' return type */
export interface IListBuyersOfCompanyResult {
  buyer_id: string;
  buyer_role_id: string;
  company_id: string;
  created_at: Date;
  /** Login email, lowercase, unique within the company. */
  email: string;
  full_name: string;
  phone: string | null;
  /** Most the buyer may order per spending_period, in the company's default_currency and its minor units (chk_buyers_spending_limit_money); null = no limit. */
  spending_limit: string | null;
  /** day, week or month: the calendar period spending_limit applies to; set exactly when spending_limit is. */
  spending_period: string | null;
  status: string;
  updated_at: Date;
}

/** 'ListBuyersOfCompany' query type */
export interface IListBuyersOfCompanyQuery {
  params: IListBuyersOfCompanyParams;
  result: IListBuyersOfCompanyResult;
}

const listBuyersOfCompanyIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"afterEmail":true,"afterBuyerId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":214}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":243}]},{"name":"afterEmail","required":false,"transform":{"type":"scalar"},"locs":[{"a":252,"b":262},{"a":302,"b":312}]},{"name":"afterBuyerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":321,"b":333}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":375,"b":381}]}],"statement":"select buyer_id, company_id, buyer_role_id, email, full_name, app.decrypt_personal(phone) as phone, status, spending_limit,\n  spending_period, created_at, updated_at\nfrom accounts.buyers\nwhere tenant_id = :tenantId! and company_id = :companyId!\n  and (:afterEmail::text is null or (email, buyer_id) > (:afterEmail::text, :afterBuyerId::uuid))\norder by email, buyer_id\nlimit (:limit!)::int                                                                                                                                                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * select buyer_id, company_id, buyer_role_id, email, full_name, app.decrypt_personal(phone) as phone, status, spending_limit,
 *   spending_period, created_at, updated_at
 * from accounts.buyers
 * where tenant_id = :tenantId! and company_id = :companyId!
 *   and (:afterEmail::text is null or (email, buyer_id) > (:afterEmail::text, :afterBuyerId::uuid))
 * order by email, buyer_id
 * limit (:limit!)::int                                                                                                                                                                                                                                                                                                                                    
 * ```
 */
export const listBuyersOfCompany = new PreparedQuery<IListBuyersOfCompanyParams,IListBuyersOfCompanyResult>(listBuyersOfCompanyIR);


/** 'GetBuyerActingForCompany' parameters type */
export interface IGetBuyerActingForCompanyParams {
  buyerId: string;
  companyId: string;
  tenantId: string;
}

/** 'GetBuyerActingForCompany' return type */
export interface IGetBuyerActingForCompanyResult {
  buyer_id: string;
  company_id: string;
  company_status: string;
  default_currency: string;
  default_locale: string;
  email: string;
  full_name: string;
  permissions: stringArray;
  spending_limit: string | null;
  spending_period: string | null;
}

/** 'GetBuyerActingForCompany' query type */
export interface IGetBuyerActingForCompanyQuery {
  params: IGetBuyerActingForCompanyParams;
  result: IGetBuyerActingForCompanyResult;
}

const getBuyerActingForCompanyIR: any = {"usedParamSet":{"tenantId":true,"buyerId":true,"companyId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":350,"b":359}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":368,"b":376}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":385,"b":395}]}],"statement":"select b.buyer_id as \"buyer_id!\", b.company_id as \"company_id!\", b.email as \"email!\",\n  b.full_name as \"full_name!\", b.spending_limit, b.spending_period,\n  b.company_status as \"company_status!\", b.default_currency as \"default_currency!\",\n  b.default_locale as \"default_locale!\", b.permissions as \"permissions!\"\nfrom accounts.buyer_acting_for_company(:tenantId!::uuid, :buyerId!::uuid, :companyId!::uuid) b                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * select b.buyer_id as "buyer_id!", b.company_id as "company_id!", b.email as "email!",
 *   b.full_name as "full_name!", b.spending_limit, b.spending_period,
 *   b.company_status as "company_status!", b.default_currency as "default_currency!",
 *   b.default_locale as "default_locale!", b.permissions as "permissions!"
 * from accounts.buyer_acting_for_company(:tenantId!::uuid, :buyerId!::uuid, :companyId!::uuid) b                                                                                    
 * ```
 */
export const getBuyerActingForCompany = new PreparedQuery<IGetBuyerActingForCompanyParams,IGetBuyerActingForCompanyResult>(getBuyerActingForCompanyIR);


/** 'UpsertBuyers' parameters type */
export interface IUpsertBuyersParams {
  rows: readonly ({
    companyId: string,
    buyerRoleId: string,
    email: string,
    fullName: string,
    phoneSealed: Buffer | null | void,
    status: string,
    spendingLimit: string | null | void,
    spendingPeriod: string | null | void
  })[];
}

/** 'UpsertBuyers' return type */
export interface IUpsertBuyersResult {
  buyer_id: string;
  company_id: string;
  /** Login email, lowercase, unique within the company. */
  email: string;
  inserted: boolean;
}

/** 'UpsertBuyers' query type */
export interface IUpsertBuyersQuery {
  params: IUpsertBuyersParams;
  result: IUpsertBuyersResult;
}

const upsertBuyersIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"companyId","required":true},{"name":"buyerRoleId","required":true},{"name":"email","required":true},{"name":"fullName","required":true},{"name":"phoneSealed","required":false},{"name":"status","required":true},{"name":"spendingLimit","required":false},{"name":"spendingPeriod","required":false}]},"locs":[{"a":360,"b":364}]}],"statement":"insert into accounts.buyers (company_id, buyer_role_id, email, full_name, phone, status, spending_limit,\n  spending_period)\n-- Phones come sealed (SealPersonal). VALUES: the parameters take the columns' types, and on Citus an\n-- INSERT of VALUES of one tenant is one task. An unchanged phone keeps its stored ciphertext\n-- (app.seal_personal compares).\nvalues :rows\non conflict (tenant_id, company_id, email) do update\nset buyer_role_id = excluded.buyer_role_id,\n    full_name = excluded.full_name,\n    phone = excluded.phone,\n    status = excluded.status,\n    spending_limit = excluded.spending_limit,\n    spending_period = excluded.spending_period\nreturning buyer_id, company_id, email, (xmax = 0) as \"inserted!\"                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * insert into accounts.buyers (company_id, buyer_role_id, email, full_name, phone, status, spending_limit,
 *   spending_period)
 * -- Phones come sealed (SealPersonal). VALUES: the parameters take the columns' types, and on Citus an
 * -- INSERT of VALUES of one tenant is one task. An unchanged phone keeps its stored ciphertext
 * -- (app.seal_personal compares).
 * values :rows
 * on conflict (tenant_id, company_id, email) do update
 * set buyer_role_id = excluded.buyer_role_id,
 *     full_name = excluded.full_name,
 *     phone = excluded.phone,
 *     status = excluded.status,
 *     spending_limit = excluded.spending_limit,
 *     spending_period = excluded.spending_period
 * returning buyer_id, company_id, email, (xmax = 0) as "inserted!"                                                                                                                                                
 * ```
 */
export const upsertBuyers = new PreparedQuery<IUpsertBuyersParams,IUpsertBuyersResult>(upsertBuyersIR);


/** 'EraseBuyer' parameters type */
export interface IEraseBuyerParams {
  buyerId: string;
  tenantId: string;
}

/** 'EraseBuyer' return type */
export interface IEraseBuyerResult {
  erased: Json;
}

/** 'EraseBuyer' query type */
export interface IEraseBuyerQuery {
  params: IEraseBuyerParams;
  result: IEraseBuyerResult;
}

const eraseBuyerIR: any = {"usedParamSet":{"tenantId":true,"buyerId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":28,"b":37}]},{"name":"buyerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":54}]}],"statement":"select accounts.erase_buyer(:tenantId!::uuid, :buyerId!::uuid) as \"erased!\""};

/**
 * Query generated from SQL:
 * ```
 * select accounts.erase_buyer(:tenantId!::uuid, :buyerId!::uuid) as "erased!"
 * ```
 */
export const eraseBuyer = new PreparedQuery<IEraseBuyerParams,IEraseBuyerResult>(eraseBuyerIR);


