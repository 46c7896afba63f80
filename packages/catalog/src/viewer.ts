// Whom a buyer-facing read is for, and the prices and currency that viewer sees (catalog.viewer_pricing).
import { mapErrors, one, type Queryable, tenantOf } from '@b2b/db';
import { getViewerPricing as getViewerPricingQuery } from '../queries/prices.queries';

/**
 * Whom a buyer-facing read is for: a buyer acting for a company (checked), or anonymous base prices in a
 * currency (ForeignKeyError `currency_unknown` for one the platform does not support).
 */
export type Viewer = { buyerId: string; companyId: string } | { currency: string };

/** The viewer as the arguments of catalog.viewer_pricing (and of catalog.product_page). */
export function viewerArgs(viewer: Viewer): {
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
export async function currencyFor(
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
