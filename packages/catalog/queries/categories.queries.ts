/** Types generated for queries found in "queries/categories.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'CreateCategory' parameters type */
export interface ICreateCategoryParams {
  categoryId?: string | null | void;
  parentCategoryId?: string | null | void;
}

/** 'CreateCategory' return type */
export interface ICreateCategoryResult {
  category_id: string;
  parent_category_id: string | null;
  /** Ids from the root to this category, each followed by /: /<root id>/<child id>/. Set by trigger from the parent; never written by the app. In C collation, so the subtree of a category with path p is path >= p and path < left(p, -1) || '0' (p and the bound passed as values): a range scan of idx_categories_tenant_id_path. Prefer it to path like p || '%': under RLS only leakproof operators such as >= and < become index conditions. */
  path: string;
}

/** 'CreateCategory' query type */
export interface ICreateCategoryQuery {
  params: ICreateCategoryParams;
  result: ICreateCategoryResult;
}

const createCategoryIR: any = {"usedParamSet":{"categoryId":true,"parentCategoryId":true},"params":[{"name":"categoryId","required":false,"transform":{"type":"scalar"},"locs":[{"a":82,"b":92}]},{"name":"parentCategoryId","required":false,"transform":{"type":"scalar"},"locs":[{"a":121,"b":137}]}],"statement":"insert into catalog.categories (category_id, parent_category_id)\nvalues (coalesce(:categoryId::uuid, gen_random_uuid()), :parentCategoryId)\nreturning category_id, parent_category_id, path                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.categories (category_id, parent_category_id)
 * values (coalesce(:categoryId::uuid, gen_random_uuid()), :parentCategoryId)
 * returning category_id, parent_category_id, path                                                                                             
 * ```
 */
export const createCategory = new PreparedQuery<ICreateCategoryParams,ICreateCategoryResult>(createCategoryIR);


/** 'MoveCategory' parameters type */
export interface IMoveCategoryParams {
  categoryId: string;
  parentCategoryId?: string | null | void;
  tenantId: string;
}

/** 'MoveCategory' return type */
export interface IMoveCategoryResult {
  category_id: string;
  parent_category_id: string | null;
  /** Ids from the root to this category, each followed by /: /<root id>/<child id>/. Set by trigger from the parent; never written by the app. In C collation, so the subtree of a category with path p is path >= p and path < left(p, -1) || '0' (p and the bound passed as values): a range scan of idx_categories_tenant_id_path. Prefer it to path like p || '%': under RLS only leakproof operators such as >= and < become index conditions. */
  path: string;
}

/** 'MoveCategory' query type */
export interface IMoveCategoryQuery {
  params: IMoveCategoryParams;
  result: IMoveCategoryResult;
}

const moveCategoryIR: any = {"usedParamSet":{"parentCategoryId":true,"tenantId":true,"categoryId":true},"params":[{"name":"parentCategoryId","required":false,"transform":{"type":"scalar"},"locs":[{"a":51,"b":67}]},{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":96}]},{"name":"categoryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":127}]}],"statement":"update catalog.categories\nset parent_category_id = :parentCategoryId\nwhere tenant_id = :tenantId! and category_id = :categoryId!\nreturning category_id, parent_category_id, path"};

/**
 * Query generated from SQL:
 * ```
 * update catalog.categories
 * set parent_category_id = :parentCategoryId
 * where tenant_id = :tenantId! and category_id = :categoryId!
 * returning category_id, parent_category_id, path
 * ```
 */
export const moveCategory = new PreparedQuery<IMoveCategoryParams,IMoveCategoryResult>(moveCategoryIR);


/** 'UpsertCategoryTranslation' parameters type */
export interface IUpsertCategoryTranslationParams {
  categoryId: string;
  description?: string | null | void;
  locale: string;
  name: string;
  slug: string;
}

/** 'UpsertCategoryTranslation' return type */
export interface IUpsertCategoryTranslationResult {
  category_id: string;
  description: string | null;
  locale: string;
  name: string;
  /** URL name: lowercase ASCII letters and digits in hyphen-separated words; unique per tenant and locale. */
  slug: string;
}

/** 'UpsertCategoryTranslation' query type */
export interface IUpsertCategoryTranslationQuery {
  params: IUpsertCategoryTranslationParams;
  result: IUpsertCategoryTranslationResult;
}

const upsertCategoryTranslationIR: any = {"usedParamSet":{"categoryId":true,"locale":true,"name":true,"slug":true,"description":true},"params":[{"name":"categoryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":97,"b":108}]},{"name":"locale","required":true,"transform":{"type":"scalar"},"locs":[{"a":111,"b":118}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":126}]},{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":134}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":137,"b":148}]}],"statement":"insert into catalog.category_translations (category_id, locale, name, slug, description)\nvalues (:categoryId!, :locale!, :name!, :slug!, :description)\non conflict (tenant_id, category_id, locale) do update\nset name = excluded.name,\n    slug = excluded.slug,\n    description = excluded.description\nreturning category_id, locale, name, slug, description"};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.category_translations (category_id, locale, name, slug, description)
 * values (:categoryId!, :locale!, :name!, :slug!, :description)
 * on conflict (tenant_id, category_id, locale) do update
 * set name = excluded.name,
 *     slug = excluded.slug,
 *     description = excluded.description
 * returning category_id, locale, name, slug, description
 * ```
 */
export const upsertCategoryTranslation = new PreparedQuery<IUpsertCategoryTranslationParams,IUpsertCategoryTranslationResult>(upsertCategoryTranslationIR);


/** 'AddProductToCategory' parameters type */
export interface IAddProductToCategoryParams {
  categoryId: string;
  productId: string;
}

/** 'AddProductToCategory' return type */
export type IAddProductToCategoryResult = void;

/** 'AddProductToCategory' query type */
export interface IAddProductToCategoryQuery {
  params: IAddProductToCategoryParams;
  result: IAddProductToCategoryResult;
}

const addProductToCategoryIR: any = {"usedParamSet":{"categoryId":true,"productId":true},"params":[{"name":"categoryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":84}]},{"name":"productId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":97}]}],"statement":"insert into catalog.product_categories (category_id, product_id)\nvalues (:categoryId!, :productId!)\non conflict do nothing"};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.product_categories (category_id, product_id)
 * values (:categoryId!, :productId!)
 * on conflict do nothing
 * ```
 */
export const addProductToCategory = new PreparedQuery<IAddProductToCategoryParams,IAddProductToCategoryResult>(addProductToCategoryIR);


