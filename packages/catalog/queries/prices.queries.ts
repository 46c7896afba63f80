/** Types generated for queries found in "queries/prices.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

/** 'CreatePriceList' parameters type */
export interface ICreatePriceListParams {
  companyId?: string | null | void;
  currency: string;
  customerGroupId?: string | null | void;
  name: string;
  priceListId?: string | null | void;
  priority?: number | null | void;
  scope?: string | null | void;
  validDuring?: string | null | void;
}

/** 'CreatePriceList' return type */
export interface ICreatePriceListResult {
  company_id: string | null;
  currency: string;
  customer_group_id: string | null;
  name: string;
  price_list_id: string;
  /** Among applicable lists of the same scope, the higher priority wins. */
  priority: number;
  /** base (everyone), customer_group (companies in customer_group_id) or company (company_id only). */
  scope: string;
  /** When the list applies; (,) means always. A price must also be valid itself. */
  valid_during: string;
}

/** 'CreatePriceList' query type */
export interface ICreatePriceListQuery {
  params: ICreatePriceListParams;
  result: ICreatePriceListResult;
}

const createPriceListIR: any = {"usedParamSet":{"priceListId":true,"name":true,"currency":true,"scope":true,"customerGroupId":true,"companyId":true,"priority":true,"validDuring":true},"params":[{"name":"priceListId","required":false,"transform":{"type":"scalar"},"locs":[{"a":145,"b":156}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":185,"b":190}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":193,"b":202}]},{"name":"scope","required":false,"transform":{"type":"scalar"},"locs":[{"a":214,"b":219}]},{"name":"customerGroupId","required":false,"transform":{"type":"scalar"},"locs":[{"a":233,"b":248}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":251,"b":260}]},{"name":"priority","required":false,"transform":{"type":"scalar"},"locs":[{"a":272,"b":280}]},{"name":"validDuring","required":false,"transform":{"type":"scalar"},"locs":[{"a":301,"b":312}]}],"statement":"insert into catalog.price_lists (price_list_id, name, currency, scope, customer_group_id, company_id, priority,\n  valid_during)\nvalues (coalesce(:priceListId::uuid, gen_random_uuid()), :name!, :currency!, coalesce(:scope, 'base'),\n  :customerGroupId, :companyId, coalesce(:priority::int, 0), coalesce(:validDuring::tstzrange, '(,)'))\nreturning price_list_id, name, currency, scope, customer_group_id, company_id, priority,\n  valid_during as \"valid_during!\"                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.price_lists (price_list_id, name, currency, scope, customer_group_id, company_id, priority,
 *   valid_during)
 * values (coalesce(:priceListId::uuid, gen_random_uuid()), :name!, :currency!, coalesce(:scope, 'base'),
 *   :customerGroupId, :companyId, coalesce(:priority::int, 0), coalesce(:validDuring::tstzrange, '(,)'))
 * returning price_list_id, name, currency, scope, customer_group_id, company_id, priority,
 *   valid_during as "valid_during!"                                                                                                                      
 * ```
 */
export const createPriceList = new PreparedQuery<ICreatePriceListParams,ICreatePriceListResult>(createPriceListIR);


/** 'UpsertPrices' parameters type */
export interface IUpsertPricesParams {
  rows: readonly ({
    priceId: string,
    priceListId: string,
    variantId: string,
    currency: string,
    unitPrice: string,
    quantities: unknown,
    validDuring: string
  })[];
}

/** 'UpsertPrices' return type */
export interface IUpsertPricesResult {
  inserted: boolean;
  price_id: string;
}

/** 'UpsertPrices' query type */
export interface IUpsertPricesQuery {
  params: IUpsertPricesParams;
  result: IUpsertPricesResult;
}

const upsertPricesIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"priceId","required":true},{"name":"priceListId","required":true},{"name":"variantId","required":true},{"name":"currency","required":true},{"name":"unitPrice","required":true},{"name":"quantities","required":true},{"name":"validDuring","required":true}]},"locs":[{"a":120,"b":124}]}],"statement":"insert into catalog.prices (price_id, price_list_id, variant_id, currency, unit_price, quantities, valid_during)\nvalues :rows\non conflict (tenant_id, price_id) do update\nset unit_price = excluded.unit_price,\n    quantities = excluded.quantities,\n    valid_during = excluded.valid_during\nreturning price_id, (xmax = 0) as \"inserted!\"                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.prices (price_id, price_list_id, variant_id, currency, unit_price, quantities, valid_during)
 * values :rows
 * on conflict (tenant_id, price_id) do update
 * set unit_price = excluded.unit_price,
 *     quantities = excluded.quantities,
 *     valid_during = excluded.valid_during
 * returning price_id, (xmax = 0) as "inserted!"                                                                            
 * ```
 */
export const upsertPrices = new PreparedQuery<IUpsertPricesParams,IUpsertPricesResult>(upsertPricesIR);


/** 'ResolvePrice' parameters type */
export interface IResolvePriceParams {
  at?: DateOrString | null | void;
  companyId?: string | null | void;
  currency: string;
  quantity: number;
  tenantId: string;
  variantId: string;
}

/** 'ResolvePrice' return type */
export interface IResolvePriceResult {
  list_priority: number;
  list_scope: string;
  price_id: string;
  price_list_id: string;
  quantities: string;
  unit_price: string;
}

/** 'ResolvePrice' query type */
export interface IResolvePriceQuery {
  params: IResolvePriceParams;
  result: IResolvePriceResult;
}

const resolvePriceIR: any = {"usedParamSet":{"tenantId":true,"companyId":true,"variantId":true,"quantity":true,"currency":true,"at":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":235,"b":244}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":253,"b":262}]},{"name":"variantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":271,"b":281}]},{"name":"quantity","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":299}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":307,"b":316}]},{"name":"at","required":false,"transform":{"type":"scalar"},"locs":[{"a":336,"b":338}]}],"statement":"select r.unit_price as \"unit_price!\", r.price_list_id as \"price_list_id!\", r.list_scope as \"list_scope!\",\n  r.list_priority as \"list_priority!\", r.price_id as \"price_id!\", r.quantities::text as \"quantities!\"\nfrom catalog.resolve_price(:tenantId!::uuid, :companyId::uuid, :variantId!::uuid, :quantity!::int, :currency!::text,\n  coalesce(:at::timestamptz, now())) r                                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * select r.unit_price as "unit_price!", r.price_list_id as "price_list_id!", r.list_scope as "list_scope!",
 *   r.list_priority as "list_priority!", r.price_id as "price_id!", r.quantities::text as "quantities!"
 * from catalog.resolve_price(:tenantId!::uuid, :companyId::uuid, :variantId!::uuid, :quantity!::int, :currency!::text,
 *   coalesce(:at::timestamptz, now())) r                                                                                                                                                                
 * ```
 */
export const resolvePrice = new PreparedQuery<IResolvePriceParams,IResolvePriceResult>(resolvePriceIR);


/** 'GetViewerPricing' parameters type */
export interface IGetViewerPricingParams {
  buyerId?: string | null | void;
  companyId?: string | null | void;
  currency?: string | null | void;
  tenantId: string;
}

/** 'GetViewerPricing' return type */
export interface IGetViewerPricingResult {
  company_id: string | null;
  currency: string;
}

/** 'GetViewerPricing' query type */
export interface IGetViewerPricingQuery {
  params: IGetViewerPricingParams;
  result: IGetViewerPricingResult;
}

const getViewerPricingIR: any = {"usedParamSet":{"tenantId":true,"buyerId":true,"companyId":true,"currency":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":84}]},{"name":"buyerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":93,"b":100}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":109,"b":118}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":127,"b":135}]}],"statement":"select v.company_id, v.currency as \"currency!\"\nfrom catalog.viewer_pricing(:tenantId!::uuid, :buyerId::uuid, :companyId::uuid, :currency::text) v"};

/**
 * Query generated from SQL:
 * ```
 * select v.company_id, v.currency as "currency!"
 * from catalog.viewer_pricing(:tenantId!::uuid, :buyerId::uuid, :companyId::uuid, :currency::text) v
 * ```
 */
export const getViewerPricing = new PreparedQuery<IGetViewerPricingParams,IGetViewerPricingResult>(getViewerPricingIR);


