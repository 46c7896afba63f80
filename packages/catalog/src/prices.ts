// Price lists, prices with quantity tiers and validity, and a viewer's resolved price.
import {
  assertUniqueKeys,
  decimalAmount,
  inBatches,
  mapErrors,
  one,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  createPriceList as createPriceListQuery,
  type ICreatePriceListResult,
  type IResolvePriceResult,
  type IUpsertPricesParams,
  type IUpsertPricesResult,
  resolvePrice as resolvePriceQuery,
  upsertPrices as upsertPricesQuery,
} from '../queries/prices.queries';
import { currencyFor, type Viewer } from './viewer';

export type PriceList = ICreatePriceListResult;
export type ResolvedPrice = IResolvePriceResult;
export type PriceUpsert = IUpsertPricesParams['rows'][number] & { quantities: string; validDuring: string };

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
