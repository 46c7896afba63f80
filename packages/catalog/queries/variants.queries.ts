/** Types generated for queries found in "queries/variants.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateVariant' parameters type */
export interface ICreateVariantParams {
  attributes?: Json | null | void;
  productId: string;
  sku: string;
  variantId?: string | null | void;
}

/** 'CreateVariant' return type */
export interface ICreateVariantResult {
  /** When the variant was discontinued; null while it can be ordered. */
  archived_at: Date | null;
  /** Typed attributes that distinguish this variant (JSON object, keys declared in catalog.attribute_definitions), for example {"size": "M", "pack": 12}. */
  attributes: Json;
  created_at: Date;
  product_id: string;
  /** Stock keeping unit: 1-64 letters, digits, dots, underscores, slashes or hyphens; unique within the tenant, also once archived. */
  sku: string;
  updated_at: Date;
  variant_id: string;
}

/** 'CreateVariant' query type */
export interface ICreateVariantQuery {
  params: ICreateVariantParams;
  result: ICreateVariantResult;
}

const createVariantIR: any = {"usedParamSet":{"variantId":true,"productId":true,"sku":true,"attributes":true},"params":[{"name":"variantId","required":false,"transform":{"type":"scalar"},"locs":[{"a":88,"b":97}]},{"name":"productId","required":true,"transform":{"type":"scalar"},"locs":[{"a":126,"b":136}]},{"name":"sku","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":143}]},{"name":"attributes","required":false,"transform":{"type":"scalar"},"locs":[{"a":155,"b":165}]}],"statement":"insert into catalog.variants (variant_id, product_id, sku, attributes)\nvalues (coalesce(:variantId::uuid, gen_random_uuid()), :productId!, :sku!, coalesce(:attributes::jsonb, '{}'))\nreturning variant_id, product_id, sku, attributes, archived_at, created_at, updated_at                                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.variants (variant_id, product_id, sku, attributes)
 * values (coalesce(:variantId::uuid, gen_random_uuid()), :productId!, :sku!, coalesce(:attributes::jsonb, '{}'))
 * returning variant_id, product_id, sku, attributes, archived_at, created_at, updated_at                                                                                                                        
 * ```
 */
export const createVariant = new PreparedQuery<ICreateVariantParams,ICreateVariantResult>(createVariantIR);


/** 'UpsertVariants' parameters type */
export interface IUpsertVariantsParams {
  rows: readonly ({
    productId: string,
    sku: string,
    attributes: Json,
    archivedAt: DateOrString | null | void
  })[];
}

/** 'UpsertVariants' return type */
export interface IUpsertVariantsResult {
  inserted: boolean;
  product_id: string;
  /** Stock keeping unit: 1-64 letters, digits, dots, underscores, slashes or hyphens; unique within the tenant, also once archived. */
  sku: string;
  variant_id: string;
}

/** 'UpsertVariants' query type */
export interface IUpsertVariantsQuery {
  params: IUpsertVariantsParams;
  result: IUpsertVariantsResult;
}

const upsertVariantsIR: any = {"usedParamSet":{"rows":true},"params":[{"name":"rows","required":false,"transform":{"type":"pick_array_spread","keys":[{"name":"productId","required":true},{"name":"sku","required":true},{"name":"attributes","required":true},{"name":"archivedAt","required":false}]},"locs":[{"a":79,"b":83}]}],"statement":"insert into catalog.variants (product_id, sku, attributes, archived_at)\nvalues :rows\non conflict (tenant_id, sku) do update\nset attributes = excluded.attributes,\n    archived_at = excluded.archived_at\nwhere variants.product_id = excluded.product_id\nreturning variant_id, product_id, sku, (xmax = 0) as \"inserted!\""};

/**
 * Query generated from SQL:
 * ```
 * insert into catalog.variants (product_id, sku, attributes, archived_at)
 * values :rows
 * on conflict (tenant_id, sku) do update
 * set attributes = excluded.attributes,
 *     archived_at = excluded.archived_at
 * where variants.product_id = excluded.product_id
 * returning variant_id, product_id, sku, (xmax = 0) as "inserted!"
 * ```
 */
export const upsertVariants = new PreparedQuery<IUpsertVariantsParams,IUpsertVariantsResult>(upsertVariantsIR);


