/** Types generated for queries found in "queries/tenants.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'GetCurrentTenant' parameters type */
export interface IGetCurrentTenantParams {
  tenantId: string;
}

/** 'GetCurrentTenant' return type */
export interface IGetCurrentTenantResult {
  created_at: Date;
  /** ISO 4217 code of the tenant's base price lists. */
  default_currency: string;
  /** BCP 47 locale used when a translation is missing. */
  default_locale: string;
  name: string;
  /** URL name, unique across the platform (lowercase letters, digits, hyphens). */
  slug: string;
  /** active, suspended (read-only) or closed. */
  status: string;
  tenant_id: string;
  updated_at: Date;
}

/** 'GetCurrentTenant' query type */
export interface IGetCurrentTenantQuery {
  params: IGetCurrentTenantParams;
  result: IGetCurrentTenantResult;
}

const getCurrentTenantIR: any = {"usedParamSet":{"tenantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":134,"b":143}]}],"statement":"select tenant_id, slug, name, default_locale, default_currency, status, created_at, updated_at\nfrom tenancy.tenants\nwhere tenant_id = :tenantId!"};

/**
 * Query generated from SQL:
 * ```
 * select tenant_id, slug, name, default_locale, default_currency, status, created_at, updated_at
 * from tenancy.tenants
 * where tenant_id = :tenantId!
 * ```
 */
export const getCurrentTenant = new PreparedQuery<IGetCurrentTenantParams,IGetCurrentTenantResult>(getCurrentTenantIR);


/** 'UpdateTenantSettings' parameters type */
export interface IUpdateTenantSettingsParams {
  defaultCurrency?: string | null | void;
  defaultLocale?: string | null | void;
  name?: string | null | void;
  tenantId: string;
}

/** 'UpdateTenantSettings' return type */
export interface IUpdateTenantSettingsResult {
  created_at: Date;
  /** ISO 4217 code of the tenant's base price lists. */
  default_currency: string;
  /** BCP 47 locale used when a translation is missing. */
  default_locale: string;
  name: string;
  /** URL name, unique across the platform (lowercase letters, digits, hyphens). */
  slug: string;
  /** active, suspended (read-only) or closed. */
  status: string;
  tenant_id: string;
  updated_at: Date;
}

/** 'UpdateTenantSettings' query type */
export interface IUpdateTenantSettingsQuery {
  params: IUpdateTenantSettingsParams;
  result: IUpdateTenantSettingsResult;
}

const updateTenantSettingsIR: any = {"usedParamSet":{"name":true,"defaultLocale":true,"defaultCurrency":true,"tenantId":true},"params":[{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":43,"b":47}]},{"name":"defaultLocale","required":false,"transform":{"type":"scalar"},"locs":[{"a":87,"b":100}]},{"name":"defaultCurrency","required":false,"transform":{"type":"scalar"},"locs":[{"a":152,"b":167}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":206,"b":215}]}],"statement":"update tenancy.tenants\nset name = coalesce(:name, name),\n    default_locale = coalesce(:defaultLocale, default_locale),\n    default_currency = coalesce(:defaultCurrency, default_currency)\nwhere tenant_id = :tenantId!\nreturning tenant_id, slug, name, default_locale, default_currency, status, created_at, updated_at"};

/**
 * Query generated from SQL:
 * ```
 * update tenancy.tenants
 * set name = coalesce(:name, name),
 *     default_locale = coalesce(:defaultLocale, default_locale),
 *     default_currency = coalesce(:defaultCurrency, default_currency)
 * where tenant_id = :tenantId!
 * returning tenant_id, slug, name, default_locale, default_currency, status, created_at, updated_at
 * ```
 */
export const updateTenantSettings = new PreparedQuery<IUpdateTenantSettingsParams,IUpdateTenantSettingsResult>(updateTenantSettingsIR);


