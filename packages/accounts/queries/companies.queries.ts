/** Types generated for queries found in "queries/companies.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'GetCompany' parameters type */
export interface IGetCompanyParams {
  companyId: string;
  tenantId: string;
}

/** 'GetCompany' return type */
export interface IGetCompanyResult {
  company_id: string;
  created_at: Date;
  /** Maximum open receivables in default_currency, in its minor units (chk_companies_credit_limit_money); null means no credit limit is enforced. */
  credit_limit: string | null;
  /** ISO 4217 currency of the company's prices, invoices, credit limit and buyer spending limits. */
  default_currency: string;
  /** Locale used for the company's documents and catalog texts. */
  default_locale: string;
  legal_name: string;
  /** The parent company (group headquarters); null for a top-level company. */
  parent_company_id: string | null;
  /** Net payment terms: invoices are due this many days after issue (0 = prepayment). */
  payment_terms_days: number;
  /** active, on_hold (may not order) or closed. */
  status: string;
  tax_id: string | null;
  updated_at: Date;
}

/** 'GetCompany' query type */
export interface IGetCompanyQuery {
  params: IGetCompanyParams;
  result: IGetCompanyResult;
}

const getCompanyIR: any = {"usedParamSet":{"tenantId":true,"companyId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":242}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":261,"b":271}]}],"statement":"select company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,\n  payment_terms_days, credit_limit, status, created_at, updated_at\nfrom accounts.companies\nwhere tenant_id = :tenantId! and company_id = :companyId!                                                                                                                                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * select company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
 *   payment_terms_days, credit_limit, status, created_at, updated_at
 * from accounts.companies
 * where tenant_id = :tenantId! and company_id = :companyId!                                                                                                                                                                                                                       
 * ```
 */
export const getCompany = new PreparedQuery<IGetCompanyParams,IGetCompanyResult>(getCompanyIR);


/** 'ListCompanies' parameters type */
export interface IListCompaniesParams {
  afterCompanyId?: string | null | void;
  afterLegalName?: string | null | void;
  limit: number;
  tenantId: string;
}

/** 'ListCompanies' return type */
export interface IListCompaniesResult {
  company_id: string;
  created_at: Date;
  /** Maximum open receivables in default_currency, in its minor units (chk_companies_credit_limit_money); null means no credit limit is enforced. */
  credit_limit: string | null;
  /** ISO 4217 currency of the company's prices, invoices, credit limit and buyer spending limits. */
  default_currency: string;
  /** Locale used for the company's documents and catalog texts. */
  default_locale: string;
  legal_name: string;
  /** The parent company (group headquarters); null for a top-level company. */
  parent_company_id: string | null;
  /** Net payment terms: invoices are due this many days after issue (0 = prepayment). */
  payment_terms_days: number;
  /** active, on_hold (may not order) or closed. */
  status: string;
  tax_id: string | null;
  updated_at: Date;
}

/** 'ListCompanies' query type */
export interface IListCompaniesQuery {
  params: IListCompaniesParams;
  result: IListCompaniesResult;
}

const listCompaniesIR: any = {"usedParamSet":{"tenantId":true,"afterLegalName":true,"afterCompanyId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":233,"b":242}]},{"name":"afterLegalName","required":false,"transform":{"type":"scalar"},"locs":[{"a":251,"b":265},{"a":312,"b":326}]},{"name":"afterCompanyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":335,"b":349}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":398,"b":404}]}],"statement":"select company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,\n  payment_terms_days, credit_limit, status, created_at, updated_at\nfrom accounts.companies\nwhere tenant_id = :tenantId!\n  and (:afterLegalName::text is null or (legal_name, company_id) > (:afterLegalName::text, :afterCompanyId::uuid))\norder by legal_name, company_id\nlimit (:limit!)::int                                                                                                                                                                                                                                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * select company_id, parent_company_id, legal_name, app.decrypt_personal(tax_id) as tax_id, default_currency, default_locale,
 *   payment_terms_days, credit_limit, status, created_at, updated_at
 * from accounts.companies
 * where tenant_id = :tenantId!
 *   and (:afterLegalName::text is null or (legal_name, company_id) > (:afterLegalName::text, :afterCompanyId::uuid))
 * order by legal_name, company_id
 * limit (:limit!)::int                                                                                                                                                                                                                                                                                                                               
 * ```
 */
export const listCompanies = new PreparedQuery<IListCompaniesParams,IListCompaniesResult>(listCompaniesIR);


/** 'CreateCompany' parameters type */
export interface ICreateCompanyParams {
  companyId?: string | null | void;
  creditLimit?: string | null | void;
  defaultCurrency: string;
  defaultLocale: string;
  legalName: string;
  parentCompanyId?: string | null | void;
  paymentTermsDays?: number | null | void;
  taxIdSealed?: Buffer | null | void;
}

/** 'CreateCompany' return type */
export interface ICreateCompanyResult {
  company_id: string;
  created_at: Date;
  /** Maximum open receivables in default_currency, in its minor units (chk_companies_credit_limit_money); null means no credit limit is enforced. */
  credit_limit: string | null;
  /** ISO 4217 currency of the company's prices, invoices, credit limit and buyer spending limits. */
  default_currency: string;
  /** Locale used for the company's documents and catalog texts. */
  default_locale: string;
  legal_name: string;
  /** The parent company (group headquarters); null for a top-level company. */
  parent_company_id: string | null;
  /** Net payment terms: invoices are due this many days after issue (0 = prepayment). */
  payment_terms_days: number;
  /** active, on_hold (may not order) or closed. */
  status: string;
  /** VAT or other tax registration number, as printed on invoices, encrypted with the data key (pgcrypto; read with app.decrypt_personal); unique within the tenant through tax_id_digest. */
  tax_id_sealed: Buffer | null;
  updated_at: Date;
}

/** 'CreateCompany' query type */
export interface ICreateCompanyQuery {
  params: ICreateCompanyParams;
  result: ICreateCompanyResult;
}

const createCompanyIR: any = {"usedParamSet":{"companyId":true,"parentCompanyId":true,"legalName":true,"taxIdSealed":true,"defaultCurrency":true,"defaultLocale":true,"paymentTermsDays":true,"creditLimit":true},"params":[{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":170,"b":179}]},{"name":"parentCompanyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":208,"b":223}]},{"name":"legalName","required":true,"transform":{"type":"scalar"},"locs":[{"a":226,"b":236}]},{"name":"taxIdSealed","required":false,"transform":{"type":"scalar"},"locs":[{"a":239,"b":250}]},{"name":"defaultCurrency","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":276}]},{"name":"defaultLocale","required":true,"transform":{"type":"scalar"},"locs":[{"a":281,"b":295}]},{"name":"paymentTermsDays","required":false,"transform":{"type":"scalar"},"locs":[{"a":307,"b":323}]},{"name":"creditLimit","required":false,"transform":{"type":"scalar"},"locs":[{"a":336,"b":347}]}],"statement":"insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,\n  default_locale, payment_terms_days, credit_limit)\nvalues (coalesce(:companyId::uuid, gen_random_uuid()), :parentCompanyId, :legalName!, :taxIdSealed::bytea, :defaultCurrency!,\n  :defaultLocale!, coalesce(:paymentTermsDays::int, 30), :creditLimit)\nreturning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,\n  payment_terms_days, credit_limit, status, created_at, updated_at                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,
 *   default_locale, payment_terms_days, credit_limit)
 * values (coalesce(:companyId::uuid, gen_random_uuid()), :parentCompanyId, :legalName!, :taxIdSealed::bytea, :defaultCurrency!,
 *   :defaultLocale!, coalesce(:paymentTermsDays::int, 30), :creditLimit)
 * returning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,
 *   payment_terms_days, credit_limit, status, created_at, updated_at                                                                 
 * ```
 */
export const createCompany = new PreparedQuery<ICreateCompanyParams,ICreateCompanyResult>(createCompanyIR);


/** 'UpdateCompany' parameters type */
export interface IUpdateCompanyParams {
  companyId: string;
  creditLimit?: string | null | void;
  defaultCurrency?: string | null | void;
  defaultLocale?: string | null | void;
  legalName?: string | null | void;
  paymentTermsDays?: number | null | void;
  status?: string | null | void;
  taxIdSealed?: Buffer | null | void;
  tenantId: string;
}

/** 'UpdateCompany' return type */
export interface IUpdateCompanyResult {
  company_id: string;
  created_at: Date;
  /** Maximum open receivables in default_currency, in its minor units (chk_companies_credit_limit_money); null means no credit limit is enforced. */
  credit_limit: string | null;
  /** ISO 4217 currency of the company's prices, invoices, credit limit and buyer spending limits. */
  default_currency: string;
  /** Locale used for the company's documents and catalog texts. */
  default_locale: string;
  legal_name: string;
  /** The parent company (group headquarters); null for a top-level company. */
  parent_company_id: string | null;
  /** Net payment terms: invoices are due this many days after issue (0 = prepayment). */
  payment_terms_days: number;
  /** active, on_hold (may not order) or closed. */
  status: string;
  /** VAT or other tax registration number, as printed on invoices, encrypted with the data key (pgcrypto; read with app.decrypt_personal); unique within the tenant through tax_id_digest. */
  tax_id_sealed: Buffer | null;
  updated_at: Date;
}

/** 'UpdateCompany' query type */
export interface IUpdateCompanyQuery {
  params: IUpdateCompanyParams;
  result: IUpdateCompanyResult;
}

const updateCompanyIR: any = {"usedParamSet":{"legalName":true,"taxIdSealed":true,"defaultCurrency":true,"defaultLocale":true,"paymentTermsDays":true,"creditLimit":true,"status":true,"tenantId":true,"companyId":true},"params":[{"name":"legalName","required":false,"transform":{"type":"scalar"},"locs":[{"a":52,"b":61}]},{"name":"taxIdSealed","required":false,"transform":{"type":"scalar"},"locs":[{"a":99,"b":110}]},{"name":"defaultCurrency","required":false,"transform":{"type":"scalar"},"locs":[{"a":161,"b":176}]},{"name":"defaultLocale","required":false,"transform":{"type":"scalar"},"locs":[{"a":228,"b":241}]},{"name":"paymentTermsDays","required":false,"transform":{"type":"scalar"},"locs":[{"a":295,"b":311}]},{"name":"creditLimit","required":false,"transform":{"type":"scalar"},"locs":[{"a":368,"b":379}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":419,"b":425}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":454,"b":463}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":482,"b":492}]}],"statement":"update accounts.companies\nset legal_name = coalesce(:legalName, legal_name),\n    tax_id = coalesce(:taxIdSealed::bytea, tax_id),\n    default_currency = coalesce(:defaultCurrency, default_currency),\n    default_locale = coalesce(:defaultLocale, default_locale),\n    payment_terms_days = coalesce(:paymentTermsDays::int, payment_terms_days),\n    credit_limit = coalesce(:creditLimit, credit_limit),\n    status = coalesce(:status, status)\nwhere tenant_id = :tenantId! and company_id = :companyId!\nreturning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,\n  payment_terms_days, credit_limit, status, created_at, updated_at                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * update accounts.companies
 * set legal_name = coalesce(:legalName, legal_name),
 *     tax_id = coalesce(:taxIdSealed::bytea, tax_id),
 *     default_currency = coalesce(:defaultCurrency, default_currency),
 *     default_locale = coalesce(:defaultLocale, default_locale),
 *     payment_terms_days = coalesce(:paymentTermsDays::int, payment_terms_days),
 *     credit_limit = coalesce(:creditLimit, credit_limit),
 *     status = coalesce(:status, status)
 * where tenant_id = :tenantId! and company_id = :companyId!
 * returning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,
 *   payment_terms_days, credit_limit, status, created_at, updated_at                                                                                                           
 * ```
 */
export const updateCompany = new PreparedQuery<IUpdateCompanyParams,IUpdateCompanyResult>(updateCompanyIR);


/** 'SetParentCompany' parameters type */
export interface ISetParentCompanyParams {
  companyId: string;
  parentCompanyId?: string | null | void;
  tenantId: string;
}

/** 'SetParentCompany' return type */
export interface ISetParentCompanyResult {
  company_id: string;
  created_at: Date;
  /** Maximum open receivables in default_currency, in its minor units (chk_companies_credit_limit_money); null means no credit limit is enforced. */
  credit_limit: string | null;
  /** ISO 4217 currency of the company's prices, invoices, credit limit and buyer spending limits. */
  default_currency: string;
  /** Locale used for the company's documents and catalog texts. */
  default_locale: string;
  legal_name: string;
  /** The parent company (group headquarters); null for a top-level company. */
  parent_company_id: string | null;
  /** Net payment terms: invoices are due this many days after issue (0 = prepayment). */
  payment_terms_days: number;
  /** active, on_hold (may not order) or closed. */
  status: string;
  /** VAT or other tax registration number, as printed on invoices, encrypted with the data key (pgcrypto; read with app.decrypt_personal); unique within the tenant through tax_id_digest. */
  tax_id_sealed: Buffer | null;
  updated_at: Date;
}

/** 'SetParentCompany' query type */
export interface ISetParentCompanyQuery {
  params: ISetParentCompanyParams;
  result: ISetParentCompanyResult;
}

const setParentCompanyIR: any = {"usedParamSet":{"parentCompanyId":true,"tenantId":true,"companyId":true},"params":[{"name":"parentCompanyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":50,"b":65}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":85,"b":94}]},{"name":"companyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":113,"b":123}]}],"statement":"update accounts.companies\nset parent_company_id = :parentCompanyId\nwhere tenant_id = :tenantId! and company_id = :companyId!\nreturning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,\n  payment_terms_days, credit_limit, status, created_at, updated_at                                                                                                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * update accounts.companies
 * set parent_company_id = :parentCompanyId
 * where tenant_id = :tenantId! and company_id = :companyId!
 * returning company_id, parent_company_id, legal_name, tax_id as tax_id_sealed, default_currency, default_locale,
 *   payment_terms_days, credit_limit, status, created_at, updated_at                                                                                                                                                                          
 * ```
 */
export const setParentCompany = new PreparedQuery<ISetParentCompanyParams,ISetParentCompanyResult>(setParentCompanyIR);


/** 'UpsertCompanies' parameters type */
export interface IUpsertCompaniesParams {
  rows: readonly ({
    companyId: string,
    parentCompanyId: string | null | void,
    legalName: string,
    taxIdSealed: Buffer | null | void,
    defaultCurrency: string,
    defaultLocale: string,
    paymentTermsDays: number,
    creditLimit: string | null | void,
    status: string
  })[];
}

/** 'UpsertCompanies' return type */
export interface IUpsertCompaniesResult {
  company_id: string;
  inserted: boolean;
}

/** 'UpsertCompanies' query type */
export interface IUpsertCompaniesQuery {
  params: IUpsertCompaniesParams;
  result: IUpsertCompaniesResult;
}

const upsertCompaniesIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"companyId","required":true},{"name":"parentCompanyId","required":false},{"name":"legalName","required":true},{"name":"taxIdSealed","required":false},{"name":"defaultCurrency","required":true},{"name":"defaultLocale","required":true},{"name":"paymentTermsDays","required":true},{"name":"creditLimit","required":false},{"name":"status","required":true}]},"locs":[{"a":437,"b":441}]}],"statement":"insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,\n  default_locale, payment_terms_days, credit_limit, status)\n-- Tax ids come sealed (SealPersonal). VALUES, not a select from it: the parameters take the columns' types,\n-- and on Citus an INSERT of VALUES of one tenant is one task. An unchanged tax id keeps its stored\n-- ciphertext: app.seal_personal compares the keyed hashes.\nvalues :rows\non conflict (tenant_id, company_id) do update\nset parent_company_id = excluded.parent_company_id,\n    legal_name = excluded.legal_name,\n    tax_id = excluded.tax_id,\n    default_currency = excluded.default_currency,\n    default_locale = excluded.default_locale,\n    payment_terms_days = excluded.payment_terms_days,\n    credit_limit = excluded.credit_limit,\n    status = excluded.status\nreturning company_id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into accounts.companies (company_id, parent_company_id, legal_name, tax_id, default_currency,
 *   default_locale, payment_terms_days, credit_limit, status)
 * -- Tax ids come sealed (SealPersonal). VALUES, not a select from it: the parameters take the columns' types,
 * -- and on Citus an INSERT of VALUES of one tenant is one task. An unchanged tax id keeps its stored
 * -- ciphertext: app.seal_personal compares the keyed hashes.
 * values :rows
 * on conflict (tenant_id, company_id) do update
 * set parent_company_id = excluded.parent_company_id,
 *     legal_name = excluded.legal_name,
 *     tax_id = excluded.tax_id,
 *     default_currency = excluded.default_currency,
 *     default_locale = excluded.default_locale,
 *     payment_terms_days = excluded.payment_terms_days,
 *     credit_limit = excluded.credit_limit,
 *     status = excluded.status
 * returning company_id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertCompanies = new PreparedQuery<IUpsertCompaniesParams,IUpsertCompaniesResult>(upsertCompaniesIR);


