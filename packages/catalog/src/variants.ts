// Variants (SKUs) of products.

import { assertUniqueKeys, ConflictError, inBatches, mapErrors, one, type Queryable } from '@b2b/db';
import {
  createVariant as createVariantQuery,
  type ICreateVariantResult,
  type IUpsertVariantsResult,
  upsertVariants as upsertVariantsQuery,
} from '../queries/variants.queries';
import type { Attributes } from './products';

export type Variant = ICreateVariantResult;

/** Errors: ConflictError `sku_taken`; ValidationError `sku_invalid`; ForeignKeyError `product_not_found`. */
export async function createVariant(
  client: Queryable,
  variant: { variantId?: string; productId: string; sku: string; attributes?: Attributes },
): Promise<Variant> {
  return mapErrors(async () =>
    one(
      await createVariantQuery.run(
        { ...variant, variantId: variant.variantId ?? null, attributes: variant.attributes ?? null },
        client,
      ),
      'The new variant',
    ),
  );
}

/**
 * Inserts or updates many variants in one statement, keyed by SKU. A SKU that already belongs to
 * another product is a ConflictError `sku_taken` (and nothing of the batch is kept: the transaction
 * rolls back).
 */
export async function upsertVariants(
  client: Queryable,
  rows: readonly { productId: string; sku: string; attributes?: Attributes; archivedAt?: Date | null }[],
): Promise<IUpsertVariantsResult[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => r.sku, 'SKU');
  const result = await inBatches(
    rows.map((r) => ({
      productId: r.productId,
      sku: r.sku,
      attributes: r.attributes ?? {},
      archivedAt: r.archivedAt ?? null,
    })),
    (batch) => upsertVariantsQuery.run({ rows: batch }, client),
  );
  if (result.length < rows.length) {
    const done = new Set(result.map((r) => r.sku));
    const taken = rows.filter((r) => !done.has(r.sku)).map((r) => r.sku);
    throw new ConflictError(`Another product already has the SKU ${taken.join(', ')}.`, {
      code: 'sku_taken',
      sqlstate: '23505',
      constraint: 'uq_variants_tenant_id_sku',
      table: 'catalog.variants',
    });
  }
  return result;
}
