// Products and their translations.
import { assertUniqueKeys, inBatches, mapErrors, one, type Queryable, tenantOf } from '@b2b/db';
import {
  archiveProduct as archiveProductQuery,
  createProduct as createProductQuery,
  type ICreateProductResult,
  type IUpsertProductsResult,
  type IUpsertProductTranslationsParams,
  type IUpsertProductTranslationsResult,
  type Json,
  upsertProducts as upsertProductsQuery,
  upsertProductTranslations as upsertProductTranslationsQuery,
} from '../queries/products.queries';

export type Product = ICreateProductResult;
export type ProductTranslationUpsert = IUpsertProductTranslationsParams['rows'][number];
export type Attributes = { [key: string]: Json };

/** Creates a product with its first translation. Attributes must be declared (ValidationError attribute_undeclared). */
export async function createProduct(
  client: Queryable,
  product: {
    productId?: string;
    attributes?: Attributes;
    translation: { locale: string; name: string; slug: string; description?: string | null };
  },
): Promise<Product> {
  return mapErrors(async () => {
    const created = one(
      await createProductQuery.run(
        { productId: product.productId ?? null, attributes: product.attributes ?? null },
        client,
      ),
      'The new product',
    );
    await upsertProductTranslationsQuery.run(
      {
        rows: [
          {
            productId: created.product_id,
            ...product.translation,
            description: product.translation.description ?? null,
          },
        ],
      },
      client,
    );
    return created;
  });
}

/** Archives a product: it leaves listings and search, and keeps its history. */
export async function archiveProduct(client: Queryable, productId: string): Promise<Product> {
  return mapErrors(async () =>
    one(
      await archiveProductQuery.run({ tenantId: tenantOf(client), productId }, client),
      `Product ${productId}`,
    ),
  );
}

/** Inserts or updates many products (keyed by product_id) in one statement. */
export async function upsertProducts(
  client: Queryable,
  rows: readonly { productId: string; attributes: Attributes }[],
): Promise<IUpsertProductsResult[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => r.productId, 'product');
  return inBatches(rows, (batch) => upsertProductsQuery.run({ rows: batch }, client));
}

/** Inserts or updates many translations (keyed by product and locale) in one statement. */
export async function upsertProductTranslations(
  client: Queryable,
  rows: readonly ProductTranslationUpsert[],
): Promise<IUpsertProductTranslationsResult[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => `${r.productId}/${r.locale}`, 'translation');
  return inBatches(rows, (batch) => upsertProductTranslationsQuery.run({ rows: batch }, client));
}
