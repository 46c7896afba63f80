// The product page read model (catalog.product_pages) during bulk loads. Its row triggers
// (catalog.refresh_product_pages on products, product_translations, variants, prices) rewrite a product's
// page per row written: right for the application's writes, far too slow for a COPY of millions of rows
// (every price row would rebuild its product's page). The large seed switches them off with the other
// row triggers it stands in for (planBulkTriggers in bulk-checks.ts, as the owner inside the load's
// transaction: ALTER TABLE locks the tables, no one else writes meanwhile) and, after the indexes are
// built, builds every loaded tenant's pages here (a step of DERIVED_AFTER_LOAD in seed-large.ts): the
// commit publishes the rows and their pages together.
import type pg from 'pg';

/**
 * Builds the product pages of `tenants` (catalog.build_product_pages, one set-based statement per
 * tenant, in its tenant context). Runs inside the caller's transaction, as the owner or superuser.
 */
export async function buildProductPages(client: pg.ClientBase, tenants: string[]): Promise<void> {
  // Statistics of the rows just loaded first: without them the build's plan reads whole tables per
  // product (20,000 pages took 350 s instead of 1.1 s in packages/catalog/src/query-plans.test.ts's load).
  await client.query(
    'analyze catalog.products, catalog.product_translations, catalog.variants, catalog.prices',
  );
  for (const tenantId of tenants) {
    await client.query('select app.set_tenant($1)', [tenantId]);
    await client.query('select catalog.build_product_pages($1)', [tenantId]);
  }
  await client.query('select app.set_tenant(null)');
}
