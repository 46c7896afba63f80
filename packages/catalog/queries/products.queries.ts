/** Types generated for queries found in "queries/products.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateProduct' parameters type */
export interface ICreateProductParams {
  attributes?: Json | null | void;
  productId?: string | null | void;
}

/** 'CreateProduct' return type */
export interface ICreateProductResult {
  /** When the product was archived; null while it is live. Archived products are never deleted. */
  archived_at: Date | null;
  /** Typed attributes shared by all variants: a JSON object whose keys and value types are declared in catalog.attribute_definitions, for example {"material": "steel", "weight_kg": 1.2}. */
  attributes: Json;
  created_at: Date;
  product_id: string;
  updated_at: Date;
}

/** 'CreateProduct' query type */
export interface ICreateProductQuery {
  params: ICreateProductParams;
  result: ICreateProductResult;
}

const createProductIR: any = {"usedParamSet":{"productId":true,"attributes":true},"params":[{"name":"productId","required":false,"transform":{"type":"scalar"},"locs":[{"a":71,"b":80}]},{"name":"attributes","required":false,"transform":{"type":"scalar"},"locs":[{"a":118,"b":128}]}],"statement":"insert into catalog.products (product_id, attributes)\nvalues (coalesce(:productId::uuid, gen_random_uuid()), coalesce(:attributes::jsonb, '{}'))\nreturning product_id, attributes, archived_at, created_at, updated_at                                                                                                                                                                                                                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.products (product_id, attributes)
 * values (coalesce(:productId::uuid, gen_random_uuid()), coalesce(:attributes::jsonb, '{}'))
 * returning product_id, attributes, archived_at, created_at, updated_at                                                                                                                                                                                                                                                                                                                      
 * ```
 */
export const createProduct = new PreparedQuery<ICreateProductParams,ICreateProductResult>(createProductIR);


/** 'ArchiveProduct' parameters type */
export interface IArchiveProductParams {
  productId: string;
  tenantId: string;
}

/** 'ArchiveProduct' return type */
export interface IArchiveProductResult {
  /** When the product was archived; null while it is live. Archived products are never deleted. */
  archived_at: Date | null;
  /** Typed attributes shared by all variants: a JSON object whose keys and value types are declared in catalog.attribute_definitions, for example {"material": "steel", "weight_kg": 1.2}. */
  attributes: Json;
  created_at: Date;
  product_id: string;
  updated_at: Date;
}

/** 'ArchiveProduct' query type */
export interface IArchiveProductQuery {
  params: IArchiveProductParams;
  result: IArchiveProductResult;
}

const archiveProductIR: any = {"usedParamSet":{"tenantId":true,"productId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":86,"b":95}]},{"name":"productId","required":true,"transform":{"type":"scalar"},"locs":[{"a":114,"b":124}]}],"statement":"update catalog.products\nset archived_at = least(archived_at, now())\nwhere tenant_id = :tenantId! and product_id = :productId!\nreturning product_id, attributes, archived_at, created_at, updated_at"};

/**
 * Query generated from SQL:
 * ```
 * update catalog.products
 * set archived_at = least(archived_at, now())
 * where tenant_id = :tenantId! and product_id = :productId!
 * returning product_id, attributes, archived_at, created_at, updated_at
 * ```
 */
export const archiveProduct = new PreparedQuery<IArchiveProductParams,IArchiveProductResult>(archiveProductIR);


/** 'UpsertProducts' parameters type */
export interface IUpsertProductsParams {
  rows: readonly ({
    productId: string,
    attributes: Json
  })[];
}

/** 'UpsertProducts' return type */
export interface IUpsertProductsResult {
  inserted: boolean;
  product_id: string;
}

/** 'UpsertProducts' query type */
export interface IUpsertProductsQuery {
  params: IUpsertProductsParams;
  result: IUpsertProductsResult;
}

const upsertProductsIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"productId","required":true},{"name":"attributes","required":true}]},"locs":[{"a":61,"b":65}]}],"statement":"insert into catalog.products (product_id, attributes)\nvalues :rows\non conflict (tenant_id, product_id) do update\nset attributes = excluded.attributes\nreturning product_id, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.products (product_id, attributes)
 * values :rows
 * on conflict (tenant_id, product_id) do update
 * set attributes = excluded.attributes
 * returning product_id, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertProducts = new PreparedQuery<IUpsertProductsParams,IUpsertProductsResult>(upsertProductsIR);


/** 'UpsertProductTranslations' parameters type */
export interface IUpsertProductTranslationsParams {
  rows: readonly ({
    productId: string,
    locale: string,
    name: string,
    slug: string,
    description: string | null | void
  })[];
}

/** 'UpsertProductTranslations' return type */
export interface IUpsertProductTranslationsResult {
  inserted: boolean;
  locale: string;
  product_id: string;
}

/** 'UpsertProductTranslations' query type */
export interface IUpsertProductTranslationsQuery {
  params: IUpsertProductTranslationsParams;
  result: IUpsertProductTranslationsResult;
}

const upsertProductTranslationsIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"productId","required":true},{"name":"locale","required":true},{"name":"name","required":true},{"name":"slug","required":true},{"name":"description","required":false}]},"locs":[{"a":94,"b":98}]}],"statement":"insert into catalog.product_translations (product_id, locale, name, slug, description)\nvalues :rows\non conflict (tenant_id, product_id, locale) do update\nset name = excluded.name,\n    slug = excluded.slug,\n    description = excluded.description\nreturning product_id, locale, (xmax = 0) as \"inserted!\"                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.product_translations (product_id, locale, name, slug, description)
 * values :rows
 * on conflict (tenant_id, product_id, locale) do update
 * set name = excluded.name,
 *     slug = excluded.slug,
 *     description = excluded.description
 * returning product_id, locale, (xmax = 0) as "inserted!"                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                         
 * ```
 */
export const upsertProductTranslations = new PreparedQuery<IUpsertProductTranslationsParams,IUpsertProductTranslationsResult>(upsertProductTranslationsIR);


/** 'GetProductPage' parameters type */
export interface IGetProductPageParams {
  buyerId?: string | null | void;
  companyId?: string | null | void;
  currency?: string | null | void;
  locale: string;
  productId: string;
  quantity: number;
  tenantId: string;
}

/** 'GetProductPage' return type */
export interface IGetProductPageResult {
  attributes: Json;
  available: string | null;
  created_at: Date;
  currency: string;
  description: string | null;
  locale: string | null;
  name: string | null;
  price_list_id: string | null;
  price_list_scope: string | null;
  price_quantities: string | null;
  product_id: string;
  sku: string | null;
  slug: string | null;
  unit_price: string | null;
  variant_attributes: Json | null;
  variant_id: string | null;
}

/** 'GetProductPage' query type */
export interface IGetProductPageQuery {
  params: IGetProductPageParams;
  result: IGetProductPageResult;
}

const getProductPageIR: any = {"usedParamSet":{"tenantId":true,"productId":true,"locale":true,"buyerId":true,"companyId":true,"currency":true,"quantity":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":550,"b":559}]},{"name":"productId","required":true,"transform":{"type":"scalar"},"locs":[{"a":568,"b":578}]},{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":587,"b":594}]},{"name":"buyerId","required":false,"transform":{"type":"scalar"},"locs":[{"a":603,"b":610}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":619,"b":628}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":637,"b":645}]},{"name":"quantity","required":true,"transform":{"type":"scalar"},"locs":[{"a":656,"b":665}]}],"statement":"select pp.currency as \"currency!\", pp.product_id as \"product_id!\", pp.attributes as \"attributes!\", pp.created_at as \"created_at!\",\n  pp.locale as \"locale?\", pp.name as \"name?\", pp.slug as \"slug?\", pp.description as \"description?\",\n  pp.variant_id as \"variant_id?\", pp.sku as \"sku?\", pp.variant_attributes as \"variant_attributes?\",\n  pp.unit_price as \"unit_price?\", pp.price_list_id as \"price_list_id?\",\n  pp.price_list_scope as \"price_list_scope?\", pp.price_quantities as \"price_quantities?\",\n  pp.available as \"available?\"\nfrom catalog.product_page(:tenantId!::uuid, :productId!::uuid, :locale!::text, :buyerId::uuid, :companyId::uuid, :currency::text,\n  :quantity!::int) pp                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * select pp.currency as "currency!", pp.product_id as "product_id!", pp.attributes as "attributes!", pp.created_at as "created_at!",
 *   pp.locale as "locale?", pp.name as "name?", pp.slug as "slug?", pp.description as "description?",
 *   pp.variant_id as "variant_id?", pp.sku as "sku?", pp.variant_attributes as "variant_attributes?",
 *   pp.unit_price as "unit_price?", pp.price_list_id as "price_list_id?",
 *   pp.price_list_scope as "price_list_scope?", pp.price_quantities as "price_quantities?",
 *   pp.available as "available?"
 * from catalog.product_page(:tenantId!::uuid, :productId!::uuid, :locale!::text, :buyerId::uuid, :companyId::uuid, :currency::text,
 *   :quantity!::int) pp                                                                          
 * ```
 */
export const getProductPage = new PreparedQuery<IGetProductPageParams,IGetProductPageResult>(getProductPageIR);


/** 'GetCategoryPath' parameters type */
export interface IGetCategoryPathParams {
  categoryId: string;
  tenantId: string;
}

/** 'GetCategoryPath' return type */
export interface IGetCategoryPathResult {
  category_id: string;
  /** Ids from the root to this category, each followed by /: /<root id>/<child id>/. Set by trigger from the parent; never written by the app. In C collation, so the subtree of a category with path p is path >= p and path < left(p, -1) || '0' (p and the bound passed as values): a range scan of idx_categories_tenant_id_path. Prefer it to path like p || '%': under RLS only leakproof operators such as >= and < become index conditions. */
  path: string;
}

/** 'GetCategoryPath' query type */
export interface IGetCategoryPathQuery {
  params: IGetCategoryPathParams;
  result: IGetCategoryPathResult;
}

const getCategoryPathIR: any = {"usedParamSet":{"tenantId":true,"categoryId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":67,"b":76}]},{"name":"categoryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":107}]}],"statement":"select category_id, path\nfrom catalog.categories\nwhere tenant_id = :tenantId! and category_id = :categoryId!                                                                                                                                                                                                                                                                                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * select category_id, path
 * from catalog.categories
 * where tenant_id = :tenantId! and category_id = :categoryId!                                                                                                                                                                                                                                                                                                                                                                                      
 * ```
 */
export const getCategoryPath = new PreparedQuery<IGetCategoryPathParams,IGetCategoryPathResult>(getCategoryPathIR);


/** 'ListProductsInSubtree' parameters type */
export interface IListProductsInSubtreeParams {
  afterCreatedAt?: DateOrString | null | void;
  afterProductId?: string | null | void;
  limit: number;
  locale: string;
  pathFrom: string;
  pathTo: string;
  tenantId: string;
}

/** 'ListProductsInSubtree' return type */
export interface IListProductsInSubtreeResult {
  /** Typed attributes shared by all variants: a JSON object whose keys and value types are declared in catalog.attribute_definitions, for example {"material": "steel", "weight_kg": 1.2}. */
  attributes: Json;
  created_at: Date;
  cursor_created_at: string;
  locale: string | null;
  name: string | null;
  product_id: string;
  /** URL name: lowercase ASCII letters and digits in hyphen-separated words; unique per tenant and locale. */
  slug: string | null;
}

/** 'ListProductsInSubtree' query type */
export interface IListProductsInSubtreeQuery {
  params: IListProductsInSubtreeParams;
  result: IListProductsInSubtreeResult;
}

const listProductsInSubtreeIR: any = {"usedParamSet":{"tenantId":true,"locale":true,"pathFrom":true,"pathTo":true,"afterCreatedAt":true,"afterProductId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":639,"b":648},{"a":698,"b":707},{"a":1052,"b":1061},{"a":1278,"b":1287}]},{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":768,"b":775},{"a":789,"b":796},{"a":899,"b":906},{"a":935,"b":942}]},{"name":"pathFrom","required":true,"transform":{"type":"scalar"},"locs":[{"a":1342,"b":1351}]},{"name":"pathTo","required":true,"transform":{"type":"scalar"},"locs":[{"a":1366,"b":1373}]},{"name":"afterCreatedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":1391,"b":1405},{"a":1450,"b":1464},{"a":1502,"b":1516}]},{"name":"afterProductId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1550,"b":1564}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":1625,"b":1631}]}],"statement":"select p.product_id, p.attributes, p.created_at,\n  to_char(p.created_at at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as \"cursor_created_at!\",\n  t.locale as \"locale?\", t.name as \"name?\", t.slug as \"slug?\"\nfrom catalog.products p\n-- the translation: catalog.resolve_translation's fallback, written into the statement (a PL/pgSQL call per\n-- product would cost a function call per row); the tenant's default locale is an InitPlan, read once\nleft join lateral (\n  select tr.locale, tr.name, tr.slug\n  from catalog.product_translations tr\n  cross join (\n    select (select tn.default_locale from tenancy.tenants tn where tn.tenant_id = :tenantId!) as default_locale\n  ) d\n  where tr.tenant_id = :tenantId!\n    and tr.product_id = p.product_id\n    and tr.locale in (:locale!, split_part(:locale!, '-', 1), d.default_locale, split_part(d.default_locale, '-', 1))\n  order by case tr.locale\n    when :locale! then 1\n    when split_part(:locale!, '-', 1) then 2\n    when d.default_locale then 3\n    else 4\n  end\n  limit 1\n) t on true\nwhere p.tenant_id = :tenantId!\n  and p.archived_at is null\n  and exists (\n    select 1\n    from catalog.product_categories pc\n    join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id\n    where pc.tenant_id = :tenantId! and pc.product_id = p.product_id\n      and c.path >= :pathFrom! and c.path < :pathTo!\n  )\n  and (\n    :afterCreatedAt::timestamptz is null\n    or p.created_at < :afterCreatedAt::timestamptz\n    or (p.created_at = :afterCreatedAt::timestamptz and p.product_id > :afterProductId::uuid)\n  )\norder by p.created_at desc, p.product_id\nlimit (:limit!)::int                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * select p.product_id, p.attributes, p.created_at,
 *   to_char(p.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_created_at!",
 *   t.locale as "locale?", t.name as "name?", t.slug as "slug?"
 * from catalog.products p
 * -- the translation: catalog.resolve_translation's fallback, written into the statement (a PL/pgSQL call per
 * -- product would cost a function call per row); the tenant's default locale is an InitPlan, read once
 * left join lateral (
 *   select tr.locale, tr.name, tr.slug
 *   from catalog.product_translations tr
 *   cross join (
 *     select (select tn.default_locale from tenancy.tenants tn where tn.tenant_id = :tenantId!) as default_locale
 *   ) d
 *   where tr.tenant_id = :tenantId!
 *     and tr.product_id = p.product_id
 *     and tr.locale in (:locale!, split_part(:locale!, '-', 1), d.default_locale, split_part(d.default_locale, '-', 1))
 *   order by case tr.locale
 *     when :locale! then 1
 *     when split_part(:locale!, '-', 1) then 2
 *     when d.default_locale then 3
 *     else 4
 *   end
 *   limit 1
 * ) t on true
 * where p.tenant_id = :tenantId!
 *   and p.archived_at is null
 *   and exists (
 *     select 1
 *     from catalog.product_categories pc
 *     join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
 *     where pc.tenant_id = :tenantId! and pc.product_id = p.product_id
 *       and c.path >= :pathFrom! and c.path < :pathTo!
 *   )
 *   and (
 *     :afterCreatedAt::timestamptz is null
 *     or p.created_at < :afterCreatedAt::timestamptz
 *     or (p.created_at = :afterCreatedAt::timestamptz and p.product_id > :afterProductId::uuid)
 *   )
 * order by p.created_at desc, p.product_id
 * limit (:limit!)::int                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                       
 * ```
 */
export const listProductsInSubtree = new PreparedQuery<IListProductsInSubtreeParams,IListProductsInSubtreeResult>(listProductsInSubtreeIR);


/** 'SearchProducts' parameters type */
export interface ISearchProductsParams {
  afterProductId?: string | null | void;
  afterScore?: number | null | void;
  companyId?: string | null | void;
  currency?: string | null | void;
  inStock: boolean;
  limit: number;
  locale: string;
  maxPrice?: string | null | void;
  minPrice?: string | null | void;
  pathFrom?: string | null | void;
  pathTo?: string | null | void;
  tenantId: string;
  text: string;
}

/** 'SearchProducts' return type */
export interface ISearchProductsResult {
  locale: string | null;
  name: string | null;
  product_id: string;
  score: number;
  slug: string | null;
}

/** 'SearchProducts' query type */
export interface ISearchProductsQuery {
  params: ISearchProductsParams;
  result: ISearchProductsResult;
}

const searchProductsIR: any = {"usedParamSet":{"tenantId":true,"text":true,"locale":true,"pathFrom":true,"pathTo":true,"companyId":true,"currency":true,"minPrice":true,"maxPrice":true,"inStock":true,"afterScore":true,"afterProductId":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":151,"b":160}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":169,"b":174}]},{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":190}]},{"name":"pathFrom","required":false,"transform":{"type":"scalar"},"locs":[{"a":199,"b":207}]},{"name":"pathTo","required":false,"transform":{"type":"scalar"},"locs":[{"a":216,"b":222}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":231,"b":240}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":249,"b":257}]},{"name":"minPrice","required":false,"transform":{"type":"scalar"},"locs":[{"a":268,"b":276}]},{"name":"maxPrice","required":false,"transform":{"type":"scalar"},"locs":[{"a":288,"b":296}]},{"name":"inStock","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":316}]},{"name":"afterScore","required":false,"transform":{"type":"scalar"},"locs":[{"a":328,"b":338}]},{"name":"afterProductId","required":false,"transform":{"type":"scalar"},"locs":[{"a":349,"b":363}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":375,"b":381}]}],"statement":"select s.product_id as \"product_id!\", s.score as \"score!\", s.locale as \"locale?\", s.name as \"name?\", s.slug as \"slug?\"\nfrom catalog.search_products(\n  :tenantId!::uuid, :text!::text, :locale!::text, :pathFrom::text, :pathTo::text, :companyId::uuid, :currency::text,\n  :minPrice::numeric, :maxPrice::numeric, :inStock!::boolean, :afterScore::float8, :afterProductId::uuid,\n  (:limit!)::int\n) s"};

/**
 * Query generated from SQL:
 * ```
 * select s.product_id as "product_id!", s.score as "score!", s.locale as "locale?", s.name as "name?", s.slug as "slug?"
 * from catalog.search_products(
 *   :tenantId!::uuid, :text!::text, :locale!::text, :pathFrom::text, :pathTo::text, :companyId::uuid, :currency::text,
 *   :minPrice::numeric, :maxPrice::numeric, :inStock!::boolean, :afterScore::float8, :afterProductId::uuid,
 *   (:limit!)::int
 * ) s
 * ```
 */
export const searchProducts = new PreparedQuery<ISearchProductsParams,ISearchProductsResult>(searchProductsIR);


