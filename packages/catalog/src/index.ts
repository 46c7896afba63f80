// @b2b/catalog: products, variants, categories, prices and stock. Every function runs inside
// withTenant(); row-level security limits it to that tenant, and the database's constraints and triggers
// report bad input as typed errors from @b2b/db (withTenant maps them). What a buyer sees (product
// page, price) is asked for on behalf of a buyer acting for a company, checked by the database (accounts.acting_buyer).
// Every query and function call names its tenant as a value (tenantOf(client): tenant_id = :tenantId,
// p_tenant_id first), so on Citus it is routed to the one node that holds the tenant.
import {
  assertUniqueKeys,
  ConflictError,
  decimalAmount,
  defineCursor,
  fetchSize,
  inBatches,
  mapErrors,
  NotFoundError,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  addProductToCategory as addProductToCategoryQuery,
  createCategory as createCategoryQuery,
  type ICreateCategoryResult,
  type IUpsertCategoryTranslationResult,
  moveCategory as moveCategoryQuery,
  upsertCategoryTranslation as upsertCategoryTranslationQuery,
} from '../queries/categories.queries';
import {
  createPriceList as createPriceListQuery,
  getViewerPricing as getViewerPricingQuery,
  type ICreatePriceListResult,
  type IResolvePriceResult,
  type IUpsertPricesParams,
  type IUpsertPricesResult,
  resolvePrice as resolvePriceQuery,
  upsertPrices as upsertPricesQuery,
} from '../queries/prices.queries';
import {
  archiveProduct as archiveProductQuery,
  createProduct as createProductQuery,
  getCategoryPath as getCategoryPathQuery,
  getProductPage as getProductPageQuery,
  type ICreateProductResult,
  type IUpsertProductsResult,
  type IUpsertProductTranslationsParams,
  type IUpsertProductTranslationsResult,
  type Json,
  listProductsInSubtree as listProductsInSubtreeQuery,
  searchProducts as searchProductsQuery,
  upsertProducts as upsertProductsQuery,
  upsertProductTranslations as upsertProductTranslationsQuery,
} from '../queries/products.queries';
import {
  adjustStockLevels as adjustStockLevelsQuery,
  createWarehouse as createWarehouseQuery,
  getStockByWarehouse as getStockByWarehouseQuery,
  type ICreateWarehouseResult,
  type IGetStockByWarehouseResult,
  type IListStockMovementsResult,
  type ISyncStockLevelsResult,
  listStockMovements as listStockMovementsQuery,
  syncStockLevels as syncStockLevelsQuery,
} from '../queries/stock.queries';
import {
  createVariant as createVariantQuery,
  type ICreateVariantResult,
  type IUpsertVariantsResult,
  upsertVariants as upsertVariantsQuery,
} from '../queries/variants.queries';
import { stockCall } from './errors';

export type { Json };
export type Product = ICreateProductResult;
export type Variant = ICreateVariantResult;
export type Category = ICreateCategoryResult;
export type CategoryTranslation = IUpsertCategoryTranslationResult;
export type PriceList = ICreatePriceListResult;
export type ResolvedPrice = IResolvePriceResult;
export type Warehouse = ICreateWarehouseResult;
export type WarehouseStock = IGetStockByWarehouseResult;
export type StockLevel = ISyncStockLevelsResult;
export type StockMovement = Omit<IListStockMovementsResult, 'cursor_moved_at'>;
export { StockBelowReservedError } from './errors';
export type PriceUpsert = IUpsertPricesParams['rows'][number] & { quantities: string; validDuring: string };
export type ProductTranslationUpsert = IUpsertProductTranslationsParams['rows'][number];
export type Attributes = { [key: string]: Json };

/**
 * Whom a buyer-facing read is for: a buyer acting for a company (checked), or anonymous base prices in a
 * currency (ForeignKeyError `currency_unknown` for one the platform does not support).
 */
export type Viewer = { buyerId: string; companyId: string } | { currency: string };

const PAGE = { fallback: 24, max: 200 };

/** The viewer as the arguments of catalog.viewer_pricing (and of catalog.product_page). */
function viewerArgs(viewer: Viewer): {
  buyerId: string | null;
  companyId: string | null;
  currency: string | null;
} {
  return 'buyerId' in viewer
    ? { buyerId: viewer.buyerId, companyId: viewer.companyId, currency: null }
    : { buyerId: null, companyId: null, currency: viewer.currency };
}

/**
 * Whose prices the viewer sees and in which currency, checked in the database (catalog.viewer_pricing):
 * BuyerNotInCompanyError for a buyer not acting for its own company, ForeignKeyError currency_unknown for
 * a currency the platform does not support.
 */
async function currencyFor(
  client: Queryable,
  viewer: Viewer,
): Promise<{ companyId: string | null; currency: string }> {
  const pricing = one(
    await mapErrors(() =>
      getViewerPricingQuery.run({ ...viewerArgs(viewer), tenantId: tenantOf(client) }, client),
    ),
    'Viewer pricing',
  );
  return { companyId: pricing.company_id, currency: pricing.currency };
}

// products ----------------------------------------------------------------------------------------

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

export interface ProductPage {
  product_id: string;
  attributes: Json;
  /** The locale of the translation shown (after fallback); null when the product has no translation. */
  locale: string | null;
  name: string | null;
  slug: string | null;
  description: string | null;
  currency: string;
  variants: {
    variant_id: string;
    sku: string;
    attributes: Json;
    /** null when no price applies to this viewer, quantity and currency. */
    price: { unit_price: string; price_list_id: string; list_scope: string; quantities: string } | null;
    /** Units available over active warehouses (bigint as a string). */
    available: string;
  }[];
}

/**
 * The product page: the product, its translation for `locale` (with fallback), and per live variant the
 * price resolved for the viewer (a buyer acting for a company: BuyerNotInCompanyError otherwise; the
 * company's currency) at `quantity`, and the stock available. NotFoundError for an unknown or archived
 * product.
 */
export async function getProductPage(
  client: Queryable,
  request: { productId: string; locale: string; viewer: Viewer; quantity?: number },
): Promise<ProductPage> {
  // one round trip: the function checks the viewer first (the errors of currencyFor), then reads the page
  const rows = await mapErrors(() =>
    getProductPageQuery.run(
      {
        tenantId: tenantOf(client),
        productId: request.productId,
        locale: request.locale,
        ...viewerArgs(request.viewer),
        quantity: request.quantity ?? 1,
      },
      client,
    ),
  );
  const first = one(rows, `Product ${request.productId}`);
  return {
    product_id: first.product_id,
    attributes: first.attributes,
    locale: first.locale,
    name: first.name,
    slug: first.slug,
    description: first.description,
    currency: first.currency,
    variants: rows.flatMap((r) =>
      r.variant_id && r.sku
        ? [
            {
              variant_id: r.variant_id,
              sku: r.sku,
              attributes: r.variant_attributes,
              price:
                r.unit_price && r.price_list_id && r.price_list_scope && r.price_quantities
                  ? {
                      unit_price: r.unit_price,
                      price_list_id: r.price_list_id,
                      list_scope: r.price_list_scope,
                      quantities: r.price_quantities,
                    }
                  : null,
              available: r.available ?? '0',
            },
          ]
        : [],
    ),
  };
}

/** The subtree of path p is [p, p without its last / followed by 0): '0' sorts right after '/' in C collation. */
function subtreeRange(path: string): { pathFrom: string; pathTo: string } {
  return { pathFrom: path, pathTo: `${path.slice(0, -1)}0` };
}

export interface ListingItem {
  product_id: string;
  attributes: Json;
  created_at: Date;
  locale: string | null;
  name: string | null;
  slug: string | null;
}
const LISTING_PAGE = defineCursor('catalog.listProductsInCategory', ['timestamptz', 'uuid'] as const);

/**
 * Live products in a category and all its subcategories, newest first (created_at descending, then
 * product_id ascending), one page at a time: `{ items, next? }`; pass `next` as `after` for the following
 * page (absent: no more). `limit` 1 to 200 (default 24; RangeError otherwise); ValidationError
 * `cursor_invalid` for a cursor this listing did not make; NotFoundError for an unknown category.
 * SQL: GetCategoryPath, ListProductsInSubtree.
 */
export async function listProductsInCategory(
  client: Queryable,
  request: { categoryId: string; locale: string; after?: string | null; limit?: number },
): Promise<Page<ListingItem>> {
  const limit = pageLimit(request.limit, PAGE);
  const [afterCreatedAt, afterProductId] = LISTING_PAGE.decode(request.after) ?? [null, null];
  return mapErrors(async () => {
    const category = one(
      await getCategoryPathQuery.run({ tenantId: tenantOf(client), categoryId: request.categoryId }, client),
      `Category ${request.categoryId}`,
    );
    const rows = await listProductsInSubtreeQuery.run(
      {
        tenantId: tenantOf(client),
        locale: request.locale,
        ...subtreeRange(category.path),
        afterCreatedAt,
        afterProductId,
        limit: fetchSize(limit),
      },
      client,
    );
    return LISTING_PAGE.page(
      rows,
      limit,
      (r) => [r.cursor_created_at, r.product_id],
      ({ cursor_created_at: _, ...item }) => item,
    );
  });
}

export interface SearchHit {
  product_id: string;
  score: number;
  locale: string | null;
  name: string | null;
  slug: string | null;
}
// The score is a float8; its shortest decimal text (JavaScript's String) reads back as the same float8.
const SEARCH_PAGE = defineCursor('catalog.searchProducts', ['float8', 'uuid'] as const);

export interface SearchFilters {
  /** Only products in this category or any of its subcategories (NotFoundError for an unknown one). */
  categoryId?: string;
  /**
   * Only products with a live variant whose price for the viewer (one unit, in the viewer's currency)
   * is within [min, max] (decimal strings, either bound optional). Needs `viewer`.
   */
  price?: { min?: string | null; max?: string | null };
  /** Only products with a live variant in stock in an active warehouse (the same variant as the price, if both). */
  inStock?: boolean;
}

/**
 * Searches live products by `text` (web search syntax, stemmed in the locale's language), by SKUs similar
 * to it (trigrams) and, when the full text matches fewer than 24 products of the tenant (a typo, a word cut
 * short), by names similar to it (trigrams); a product scores its best match (a full-text match its
 * rank, or while fewer than 24 match, the best of its rank and its name's similarity; a similar name or SKU
 * its similarity); best first (score descending, then product_id ascending), a page at a
 * time: `{ items, next? }`, pass `next` as `after` (absent: no more). Filters: a category subtree, a price
 * range for the viewer, in stock. ValidationError `cursor_invalid` for a cursor this search did not make.
 * SQL: catalog.search_products.
 */
export async function searchProducts(
  client: Queryable,
  request: SearchFilters & {
    text: string;
    locale: string;
    /** Whose prices the price range is in: a buyer acting for a company, or base prices in a currency. */
    viewer?: Viewer;
    after?: string | null;
    limit?: number;
  },
): Promise<Page<SearchHit>> {
  const limit = pageLimit(request.limit, PAGE);
  const [afterScore, afterProductId] = SEARCH_PAGE.decode(request.after) ?? [null, null];
  const min = decimalAmount(request.price?.min ?? null, 'price.min');
  const max = decimalAmount(request.price?.max ?? null, 'price.max');
  if ((min !== null || max !== null) && !request.viewer)
    throw new RangeError('a price range needs a viewer: whose prices, in which currency');
  return mapErrors(async () => {
    const { companyId, currency } = request.viewer
      ? await currencyFor(client, request.viewer)
      : { companyId: null, currency: null };
    const path = request.categoryId
      ? one(
          await getCategoryPathQuery.run(
            { tenantId: tenantOf(client), categoryId: request.categoryId },
            client,
          ),
          `Category ${request.categoryId}`,
        ).path
      : null;
    const rows = await searchProductsQuery.run(
      {
        tenantId: tenantOf(client),
        text: request.text,
        locale: request.locale,
        ...(path === null ? { pathFrom: null, pathTo: null } : subtreeRange(path)),
        companyId,
        currency,
        minPrice: min,
        maxPrice: max,
        inStock: request.inStock ?? false,
        afterScore: afterScore === null ? null : Number(afterScore),
        afterProductId,
        limit: fetchSize(limit),
      },
      client,
    );
    return SEARCH_PAGE.page(rows, limit, (r) => [String(r.score), r.product_id]);
  });
}

// variants ----------------------------------------------------------------------------------------

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

// categories --------------------------------------------------------------------------------------

export async function createCategory(
  client: Queryable,
  category: { categoryId?: string; parentCategoryId?: string | null } = {},
): Promise<Category> {
  return mapErrors(async () =>
    one(
      await createCategoryQuery.run(
        { categoryId: category.categoryId ?? null, parentCategoryId: category.parentCategoryId ?? null },
        client,
      ),
      'The new category',
    ),
  );
}

/** Moves a category with its subtree; ValidationError `category_cycle` under its own subcategory. */
export async function moveCategory(
  client: Queryable,
  categoryId: string,
  parentCategoryId: string | null,
): Promise<Category> {
  return mapErrors(async () =>
    one(
      await moveCategoryQuery.run({ tenantId: tenantOf(client), categoryId, parentCategoryId }, client),
      `Category ${categoryId}`,
    ),
  );
}

export async function upsertCategoryTranslation(
  client: Queryable,
  translation: {
    categoryId: string;
    locale: string;
    name: string;
    slug: string;
    description?: string | null;
  },
): Promise<CategoryTranslation> {
  return mapErrors(async () =>
    one(
      await upsertCategoryTranslationQuery.run(
        { ...translation, description: translation.description ?? null },
        client,
      ),
      `Category ${translation.categoryId}`,
    ),
  );
}

export async function addProductToCategory(
  client: Queryable,
  link: { categoryId: string; productId: string },
): Promise<void> {
  await mapErrors(() => addProductToCategoryQuery.run(link, client));
}

// prices ------------------------------------------------------------------------------------------

/**
 * Creates a price list. Errors: ForeignKeyError `currency_unknown` for a currency the platform does
 * not support; ValidationError `price_list_target_invalid`; ConflictError `price_list_name_taken`.
 */
export async function createPriceList(
  client: Queryable,
  list: {
    priceListId?: string;
    name: string;
    currency: string;
    scope?: 'base' | 'customer_group' | 'company';
    customerGroupId?: string | null;
    companyId?: string | null;
    priority?: number;
    /** A tstzrange literal, for example '[2026-01-01,2027-01-01)'; default always. */
    validDuring?: string;
  },
): Promise<PriceList> {
  return mapErrors(async () => one(await createPriceListQuery.run(list, client), 'The new price list'));
}

/**
 * Inserts or updates many prices in one statement, keyed by price_id. ConflictError `price_overlaps`
 * when a tier and period overlap another price of the same list, variant and currency.
 */
export async function upsertPrices(
  client: Queryable,
  rows: readonly PriceUpsert[],
): Promise<IUpsertPricesResult[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => r.priceId, 'price');
  for (const r of rows) decimalAmount(r.unitPrice, 'unitPrice');
  return inBatches(rows, (batch) => upsertPricesQuery.run({ rows: batch }, client));
}

/**
 * The unit price a viewer pays for `quantity` of a variant (catalog.resolve_price), or null when no
 * price applies. For a buyer, the company's currency and BuyerNotInCompanyError when it acts for
 * another company.
 */
export async function resolvePrice(
  client: Queryable,
  request: { variantId: string; quantity: number; viewer: Viewer; at?: Date },
): Promise<(ResolvedPrice & { currency: string }) | null> {
  const { companyId, currency } = await currencyFor(client, request.viewer);
  const [price] = await mapErrors(() =>
    resolvePriceQuery.run(
      {
        tenantId: tenantOf(client),
        companyId,
        currency,
        variantId: request.variantId,
        quantity: request.quantity,
        at: request.at ?? null,
      },
      client,
    ),
  );
  return price ? { ...price, currency } : null;
}

// stock -------------------------------------------------------------------------------------------

export async function createWarehouse(
  client: Queryable,
  warehouse: { warehouseId?: string; code: string; name: string; countryCode: string },
): Promise<Warehouse> {
  return mapErrors(async () =>
    one(
      await createWarehouseQuery.run({ ...warehouse, warehouseId: warehouse.warehouseId ?? null }, client),
      'The new warehouse',
    ),
  );
}

/** An absolute count of a variant in a warehouse: units physically there (a whole number, at least 0). */
export interface StockCount {
  variantId: string;
  warehouseId: string;
  onHand: number;
}

/** A signed correction of a variant's units on hand in a warehouse (a whole number, not 0 to change anything). */
export interface StockAdjustment {
  variantId: string;
  warehouseId: string;
  delta: number;
}

const countsJson = (rows: readonly StockCount[]) =>
  JSON.stringify(
    rows.map((r) => ({ variant_id: r.variantId, warehouse_id: r.warehouseId, on_hand: r.onHand })),
  );

async function writeCounts(
  client: Queryable,
  rows: readonly StockCount[],
  reason: 'sync' | 'adjustment',
): Promise<StockLevel[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => `${r.variantId}/${r.warehouseId}`, 'stock level');
  return inBatches(rows, (batch) =>
    stockCall(() =>
      syncStockLevelsQuery.run({ tenantId: tenantOf(client), counts: countsJson(batch), reason }, client),
    ),
  );
}

/**
 * An admin's counts: sets on_hand of many (variant, warehouse) pairs, creating new levels
 * (catalog.sync_stock_levels with reason `adjustment`, one statement per batch of BATCH_ROWS). Reserved
 * units belong to the orders and are never changed here. Each difference is journaled in
 * catalog.stock_movements. Returns the levels ({ variant_id, warehouse_id, on_hand, reserved, available },
 * units as decimal strings), sorted by variant and warehouse.
 * Throws StockBelowReservedError (`stock_below_reserved`) for a count below the units open orders have
 * reserved, ValidationError `stock_negative` for a negative count, `stock_rows_invalid` for a count that
 * is not a whole number, `batch_duplicate_key` for a pair sent twice, ForeignKeyError `variant_not_found`
 * / `warehouse_not_found`.
 */
export async function upsertStockLevels(
  client: Queryable,
  rows: readonly StockCount[],
): Promise<StockLevel[]> {
  return writeCounts(client, rows, 'adjustment');
}

/**
 * An ERP-style sync: the same as upsertStockLevels (absolute counts per variant and warehouse, on_hand
 * only, batched), journaled with reason `sync`, so a stock level's history tells the ERP's counts from
 * an admin's. Errors as upsertStockLevels.
 */
export async function syncStockLevels(client: Queryable, rows: readonly StockCount[]): Promise<StockLevel[]> {
  return writeCounts(client, rows, 'sync');
}

/**
 * Relative corrections (found, damaged, miscounted): adds each signed `delta` to on_hand
 * (catalog.adjust_stock_levels, one statement per batch), creating new levels; journaled as
 * `adjustment`. Returns the levels after the change. Throws StockBelowReservedError when on_hand would
 * fall below the reserved units, ValidationError `stock_negative` below 0, `stock_rows_invalid`,
 * `batch_duplicate_key`, ForeignKeyError as upsertStockLevels.
 */
export async function adjustStockLevels(
  client: Queryable,
  rows: readonly StockAdjustment[],
): Promise<StockLevel[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => `${r.variantId}/${r.warehouseId}`, 'stock level');
  return inBatches(rows, (batch) =>
    stockCall(() =>
      adjustStockLevelsQuery.run(
        {
          tenantId: tenantOf(client),
          adjustments: JSON.stringify(
            batch.map((r) => ({ variant_id: r.variantId, warehouse_id: r.warehouseId, delta: r.delta })),
          ),
        },
        client,
      ),
    ),
  );
}

const MOVEMENTS_PAGE = defineCursor('catalog.listStockMovements', ['timestamptz', 'uuid'] as const);

/**
 * One page of the stock journal (catalog.stock_movements), newest first (moved_at descending, then
 * movement_id descending: the movements of one transaction share moved_at), of the tenant, or of one
 * variant and/or one warehouse: `{ items, next? }`; pass `next` as `after` for the following page (absent:
 * no more). Items: deltas of on_hand and reserved as decimal strings, the reason (order, cancel,
 * fulfilment, return, adjustment, sync), the order or return, who and when. `limit` 1 to 200 (default 50;
 * RangeError otherwise); ValidationError `cursor_invalid` for a cursor this listing did not make.
 * SQL: ListStockMovements.
 */
export async function listStockMovements(
  client: Queryable,
  request: {
    variantId?: string | null;
    warehouseId?: string | null;
    after?: string | null;
    limit?: number;
  } = {},
): Promise<Page<StockMovement>> {
  const limit = pageLimit(request.limit, { fallback: 50, max: 200 });
  const [afterMovedAt, afterMovementId] = MOVEMENTS_PAGE.decode(request.after) ?? [null, null];
  return stockCall(async () => {
    const rows = await listStockMovementsQuery.run(
      {
        tenantId: tenantOf(client),
        variantId: request.variantId ?? null,
        warehouseId: request.warehouseId ?? null,
        afterMovedAt,
        afterMovementId,
        limit: fetchSize(limit),
      },
      client,
    );
    return MOVEMENTS_PAGE.page(
      rows,
      limit,
      (r) => [r.cursor_moved_at, r.movement_id],
      ({ cursor_moved_at: _, ...movement }) => movement,
    );
  });
}

/** Stock of a variant per warehouse, by warehouse code. */
export async function getStockByWarehouse(client: Queryable, variantId: string): Promise<WarehouseStock[]> {
  return mapErrors(() => getStockByWarehouseQuery.run({ tenantId: tenantOf(client), variantId }, client));
}

export { NotFoundError };
