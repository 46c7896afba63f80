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

const createProductIR: any = {"usedParamSet":{"productId":true,"attributes":true},"params":[{"name":"productId","required":false,"transform":{"type":"scalar"},"locs":[{"a":71,"b":80}]},{"name":"attributes","required":false,"transform":{"type":"scalar"},"locs":[{"a":118,"b":128}]}],"statement":"insert into catalog.products (product_id, attributes)\nvalues (coalesce(:productId::uuid, gen_random_uuid()), coalesce(:attributes::jsonb, '{}'))\nreturning product_id, attributes, archived_at, created_at, updated_at                                                                          "};

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

const archiveProductIR: any = {"usedParamSet":{"productId":true},"params":[{"name":"productId","required":true,"transform":{"type":"scalar"},"locs":[{"a":90,"b":100}]}],"statement":"update catalog.products\nset archived_at = coalesce(archived_at, now())\nwhere product_id = :productId!\nreturning product_id, attributes, archived_at, created_at, updated_at"};

/**
 * Query generated from SQL:
 * ```
 * update catalog.products
 * set archived_at = coalesce(archived_at, now())
 * where product_id = :productId!
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

const upsertProductTranslationsIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"productId","required":true},{"name":"locale","required":true},{"name":"name","required":true},{"name":"slug","required":true},{"name":"description","required":false}]},"locs":[{"a":94,"b":98}]}],"statement":"insert into catalog.product_translations (product_id, locale, name, slug, description)\nvalues :rows\non conflict (tenant_id, product_id, locale) do update\nset name = excluded.name,\n    slug = excluded.slug,\n    description = excluded.description\nreturning product_id, locale, (xmax = 0) as \"inserted!\"                                                                                                                                                                                                                                                                         "};

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
  companyId?: string | null | void;
  currency: string;
  locale: string;
  productId: string;
  quantity: number;
}

/** 'GetProductPage' return type */
export interface IGetProductPageResult {
  /** Typed attributes shared by all variants: a JSON object whose keys and value types are declared in catalog.attribute_definitions, for example {"material": "steel", "weight_kg": 1.2}. */
  attributes: Json;
  available: string | null;
  created_at: Date;
  description: string | null;
  locale: string | null;
  name: string | null;
  price_list_id: string | null;
  price_list_scope: string | null;
  price_quantities: string | null;
  product_id: string;
  /** Stock keeping unit: 1-64 letters, digits, dots, underscores, slashes or hyphens; unique within the tenant, also once archived. */
  sku: string | null;
  slug: string | null;
  unit_price: string | null;
  /** Typed attributes that distinguish this variant (JSON object, keys declared in catalog.attribute_definitions), for example {"size": "M", "pack": 12}. */
  variant_attributes: Json | null;
  variant_id: string | null;
}

/** 'GetProductPage' query type */
export interface IGetProductPageQuery {
  params: IGetProductPageParams;
  result: IGetProductPageResult;
}

const getProductPageIR: any = {"usedParamSet":{"locale":true,"companyId":true,"quantity":true,"currency":true,"productId":true},"params":[{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":520,"b":527}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":698,"b":707}]},{"name":"quantity","required":true,"transform":{"type":"scalar"},"locs":[{"a":730,"b":739}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":747,"b":756}]},{"name":"productId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1130,"b":1140}]}],"statement":"select p.product_id, p.attributes, p.created_at,\n  t.locale as \"locale?\", t.name as \"name?\", t.slug as \"slug?\", t.description as \"description?\",\n  v.variant_id as \"variant_id?\", v.sku as \"sku?\", v.attributes as \"variant_attributes?\",\n  price.unit_price as \"unit_price?\", price.price_list_id as \"price_list_id?\",\n  price.list_scope as \"price_list_scope?\", price.quantities::text as \"price_quantities?\",\n  stock.available as \"available?\"\nfrom catalog.products p\nleft join lateral catalog.resolve_translation(p.product_id, :locale!) t on true\nleft join catalog.variants v\n  on v.tenant_id = p.tenant_id and v.product_id = p.product_id and v.archived_at is null\nleft join lateral catalog.resolve_price(:companyId::uuid, v.variant_id, :quantity!::int, :currency!::text) price\n  on v.variant_id is not null\nleft join lateral (\n  select sum(s.available)::bigint as available\n  from catalog.stock_levels s\n  join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id\n  where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and w.is_active\n) stock on v.variant_id is not null\nwhere p.product_id = :productId! and p.archived_at is null\norder by v.sku                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * select p.product_id, p.attributes, p.created_at,
 *   t.locale as "locale?", t.name as "name?", t.slug as "slug?", t.description as "description?",
 *   v.variant_id as "variant_id?", v.sku as "sku?", v.attributes as "variant_attributes?",
 *   price.unit_price as "unit_price?", price.price_list_id as "price_list_id?",
 *   price.list_scope as "price_list_scope?", price.quantities::text as "price_quantities?",
 *   stock.available as "available?"
 * from catalog.products p
 * left join lateral catalog.resolve_translation(p.product_id, :locale!) t on true
 * left join catalog.variants v
 *   on v.tenant_id = p.tenant_id and v.product_id = p.product_id and v.archived_at is null
 * left join lateral catalog.resolve_price(:companyId::uuid, v.variant_id, :quantity!::int, :currency!::text) price
 *   on v.variant_id is not null
 * left join lateral (
 *   select sum(s.available)::bigint as available
 *   from catalog.stock_levels s
 *   join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
 *   where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and w.is_active
 * ) stock on v.variant_id is not null
 * where p.product_id = :productId! and p.archived_at is null
 * order by v.sku                                                                          
 * ```
 */
export const getProductPage = new PreparedQuery<IGetProductPageParams,IGetProductPageResult>(getProductPageIR);


/** 'GetCategoryPath' parameters type */
export interface IGetCategoryPathParams {
  categoryId: string;
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

const getCategoryPathIR: any = {"usedParamSet":{"categoryId":true},"params":[{"name":"categoryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":80}]}],"statement":"select category_id, path\nfrom catalog.categories\nwhere category_id = :categoryId!                                                                                                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * select category_id, path
 * from catalog.categories
 * where category_id = :categoryId!                                                                                                                                                                                       
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
  slug: string | null;
}

/** 'ListProductsInSubtree' query type */
export interface IListProductsInSubtreeQuery {
  params: IListProductsInSubtreeParams;
  result: IListProductsInSubtreeResult;
}

const listProductsInSubtreeIR: any = {"usedParamSet":{"locale":true,"pathFrom":true,"pathTo":true,"afterCreatedAt":true,"afterProductId":true,"limit":true},"params":[{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":239,"b":246}]},{"name":"pathFrom","required":true,"transform":{"type":"scalar"},"locs":[{"a":537,"b":546}]},{"name":"pathTo","required":true,"transform":{"type":"scalar"},"locs":[{"a":561,"b":568}]},{"name":"afterCreatedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":586,"b":600},{"a":645,"b":659},{"a":697,"b":711}]},{"name":"afterProductId","required":false,"transform":{"type":"scalar"},"locs":[{"a":745,"b":759}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":820,"b":826}]}],"statement":"select p.product_id, p.attributes, p.created_at, p.created_at::text as \"cursor_created_at!\",\n  t.locale as \"locale?\", t.name as \"name?\", t.slug as \"slug?\"\nfrom catalog.products p\nleft join lateral catalog.resolve_translation(p.product_id, :locale!) t on true\nwhere p.archived_at is null\n  and exists (\n    select\n    from catalog.product_categories pc\n    join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id\n    where pc.tenant_id = p.tenant_id and pc.product_id = p.product_id\n      and c.path >= :pathFrom! and c.path < :pathTo!\n  )\n  and (\n    :afterCreatedAt::timestamptz is null\n    or p.created_at < :afterCreatedAt::timestamptz\n    or (p.created_at = :afterCreatedAt::timestamptz and p.product_id > :afterProductId::uuid)\n  )\norder by p.created_at desc, p.product_id\nlimit (:limit!)::int                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * select p.product_id, p.attributes, p.created_at, p.created_at::text as "cursor_created_at!",
 *   t.locale as "locale?", t.name as "name?", t.slug as "slug?"
 * from catalog.products p
 * left join lateral catalog.resolve_translation(p.product_id, :locale!) t on true
 * where p.archived_at is null
 *   and exists (
 *     select
 *     from catalog.product_categories pc
 *     join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
 *     where pc.tenant_id = p.tenant_id and pc.product_id = p.product_id
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

const searchProductsIR: any = {"usedParamSet":{"locale":true,"text":true,"afterScore":true,"afterProductId":true,"pathFrom":true,"pathTo":true,"minPrice":true,"maxPrice":true,"inStock":true,"companyId":true,"currency":true,"limit":true},"params":[{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":306,"b":313},{"a":1722,"b":1729}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":322},{"a":334,"b":339}]},{"name":"afterScore","required":false,"transform":{"type":"scalar"},"locs":[{"a":1309,"b":1319},{"a":1367,"b":1377},{"a":1418,"b":1428}]},{"name":"afterProductId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1457,"b":1471}]},{"name":"pathFrom","required":false,"transform":{"type":"scalar"},"locs":[{"a":1818,"b":1826},{"a":2072,"b":2080}]},{"name":"pathTo","required":false,"transform":{"type":"scalar"},"locs":[{"a":2101,"b":2107}]},{"name":"minPrice","required":false,"transform":{"type":"scalar"},"locs":[{"a":2208,"b":2216},{"a":2544,"b":2552},{"a":2594,"b":2602}]},{"name":"maxPrice","required":false,"transform":{"type":"scalar"},"locs":[{"a":2239,"b":2247},{"a":2627,"b":2635},{"a":2677,"b":2685}]},{"name":"inStock","required":true,"transform":{"type":"scalar"},"locs":[{"a":2274,"b":2282},{"a":2725,"b":2733}]},{"name":"companyId","required":false,"transform":{"type":"scalar"},"locs":[{"a":2399,"b":2408}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":2434,"b":2442}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":3115,"b":3121}]}],"statement":"-- query: the parsed search text. Not materialized: inlined into both matches below, the tsquery and the\n-- text are constants there, so `@@` and `%` become index conditions (a CTE scan would make them join filters)\nwith query as not materialized (\n  select websearch_to_tsquery(catalog.text_search_config(:locale!), :text!) as tsq, (:text!)::text as text\n),\n-- matches: translations by full text or a similar name, live variants by a similar SKU\nmatches as (\n  select t.product_id,\n    greatest(ts_rank(t.search_vector, q.tsq), extensions.similarity(t.name, q.text)) as score\n  from catalog.product_translations t\n  cross join query q\n  where t.search_vector @@ q.tsq or t.name operator(extensions.%) q.text\n  union all\n  select v.product_id, extensions.similarity(v.sku, q.text)\n  from catalog.variants v\n  cross join query q\n  where v.archived_at is null and v.sku operator(extensions.%) q.text\n),\n-- ranked: one row per live product with its best score, after the cursor, best first. offset 0 keeps\n-- the filters below out of this subquery: they run on its rows in score order, only until the page is full\nranked as (\n  select m.product_id, max(m.score)::float8 as score\n  from matches m\n  join catalog.products p on p.product_id = m.product_id and p.archived_at is null\n  group by m.product_id\n  having :afterScore::float8 is null\n    or max(m.score)::float8 < :afterScore::float8\n    or (max(m.score)::float8 = :afterScore::float8 and m.product_id > :afterProductId::uuid)\n  order by score desc, m.product_id\n  offset 0\n)\nselect r.product_id as \"product_id!\", r.score as \"score!\", t.locale as \"locale?\", t.name as \"name?\", t.slug as \"slug?\"\nfrom ranked r\nleft join lateral catalog.resolve_translation(r.product_id, :locale!) t on true\n-- in the category subtree [pathFrom, pathTo) when one is given\nwhere (\n    :pathFrom::text is null\n    or exists (\n      select\n      from catalog.product_categories pc\n      join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id\n      where pc.product_id = r.product_id\n        and c.path >= :pathFrom::text and c.path < :pathTo::text\n    )\n  )\n  -- some live variant in the price range and/or in stock, when asked\n  and (\n    (:minPrice::numeric is null and :maxPrice::numeric is null and not :inStock!::boolean)\n    or exists (\n      select\n      from catalog.variants v\n      left join lateral catalog.resolve_price(:companyId::uuid, v.variant_id, 1, :currency::text) price on true\n      where v.product_id = r.product_id and v.archived_at is null\n        and (:minPrice::numeric is null or price.unit_price >= :minPrice::numeric)\n        and (:maxPrice::numeric is null or price.unit_price <= :maxPrice::numeric)\n        and (\n          not :inStock!::boolean\n          or exists (\n            select\n            from catalog.stock_levels s\n            join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id\n            where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and s.available > 0 and w.is_active\n          )\n        )\n    )\n  )\norder by r.score desc, r.product_id\nlimit (:limit!)::int"};

/**
 * Query generated from SQL:
 * ```
 * -- query: the parsed search text. Not materialized: inlined into both matches below, the tsquery and the
 * -- text are constants there, so `@@` and `%` become index conditions (a CTE scan would make them join filters)
 * with query as not materialized (
 *   select websearch_to_tsquery(catalog.text_search_config(:locale!), :text!) as tsq, (:text!)::text as text
 * ),
 * -- matches: translations by full text or a similar name, live variants by a similar SKU
 * matches as (
 *   select t.product_id,
 *     greatest(ts_rank(t.search_vector, q.tsq), extensions.similarity(t.name, q.text)) as score
 *   from catalog.product_translations t
 *   cross join query q
 *   where t.search_vector @@ q.tsq or t.name operator(extensions.%) q.text
 *   union all
 *   select v.product_id, extensions.similarity(v.sku, q.text)
 *   from catalog.variants v
 *   cross join query q
 *   where v.archived_at is null and v.sku operator(extensions.%) q.text
 * ),
 * -- ranked: one row per live product with its best score, after the cursor, best first. offset 0 keeps
 * -- the filters below out of this subquery: they run on its rows in score order, only until the page is full
 * ranked as (
 *   select m.product_id, max(m.score)::float8 as score
 *   from matches m
 *   join catalog.products p on p.product_id = m.product_id and p.archived_at is null
 *   group by m.product_id
 *   having :afterScore::float8 is null
 *     or max(m.score)::float8 < :afterScore::float8
 *     or (max(m.score)::float8 = :afterScore::float8 and m.product_id > :afterProductId::uuid)
 *   order by score desc, m.product_id
 *   offset 0
 * )
 * select r.product_id as "product_id!", r.score as "score!", t.locale as "locale?", t.name as "name?", t.slug as "slug?"
 * from ranked r
 * left join lateral catalog.resolve_translation(r.product_id, :locale!) t on true
 * -- in the category subtree [pathFrom, pathTo) when one is given
 * where (
 *     :pathFrom::text is null
 *     or exists (
 *       select
 *       from catalog.product_categories pc
 *       join catalog.categories c on c.tenant_id = pc.tenant_id and c.category_id = pc.category_id
 *       where pc.product_id = r.product_id
 *         and c.path >= :pathFrom::text and c.path < :pathTo::text
 *     )
 *   )
 *   -- some live variant in the price range and/or in stock, when asked
 *   and (
 *     (:minPrice::numeric is null and :maxPrice::numeric is null and not :inStock!::boolean)
 *     or exists (
 *       select
 *       from catalog.variants v
 *       left join lateral catalog.resolve_price(:companyId::uuid, v.variant_id, 1, :currency::text) price on true
 *       where v.product_id = r.product_id and v.archived_at is null
 *         and (:minPrice::numeric is null or price.unit_price >= :minPrice::numeric)
 *         and (:maxPrice::numeric is null or price.unit_price <= :maxPrice::numeric)
 *         and (
 *           not :inStock!::boolean
 *           or exists (
 *             select
 *             from catalog.stock_levels s
 *             join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
 *             where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and s.available > 0 and w.is_active
 *           )
 *         )
 *     )
 *   )
 * order by r.score desc, r.product_id
 * limit (:limit!)::int
 * ```
 */
export const searchProducts = new PreparedQuery<ISearchProductsParams,ISearchProductsResult>(searchProductsIR);


