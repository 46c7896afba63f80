// What buyers read: the product page, category listings and search (keyset-paginated).
import {
  decimalAmount,
  defineCursor,
  fetchSize,
  mapErrors,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  getCategoryPath as getCategoryPathQuery,
  getProductPage as getProductPageQuery,
  type Json,
  listProductsInSubtree as listProductsInSubtreeQuery,
  searchProducts as searchProductsQuery,
} from '../queries/products.queries';
import { currencyFor, type Viewer, viewerArgs } from './viewer';

const PAGE = { fallback: 24, max: 200 };

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
