// The product page read model (catalog.product_pages) during bulk loads. Its row triggers
// (catalog.refresh_product_pages on products, product_translations, variants, prices) rewrite a product's
// page per row written: right for the application's writes, far too slow for a COPY of millions of rows
// (every price row would rebuild its product's page). A loader switches them off for the load, as the
// owner inside the load's transaction (ALTER TABLE locks the tables: no one else writes meanwhile), and
// builds every page set-based at the end (catalog.build_product_pages, one statement per tenant), then
// switches them on again in the same transaction: the commit publishes the rows and their pages together.
import type pg from 'pg';

/** The enabled page triggers on `tables` (found in the catalog, so a table added to the page is included). */
async function pageTriggers(
  client: pg.ClientBase,
  tables: string[],
): Promise<{ table: string; trigger: string }[]> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `select t.tgrelid::regclass::text as table, t.tgname as trigger
     from pg_catalog.pg_trigger t
     where t.tgfoid = 'catalog.refresh_product_pages()'::regprocedure and t.tgenabled <> 'D'
       and t.tgrelid = any($1::regclass[])
     order by 1`,
    [tables],
  );
  return rows;
}

/** Switches off the page triggers on `tables`; returns what to pass to rebuildPages after the load. */
export async function disablePageTriggers(
  client: pg.ClientBase,
  tables: string[],
): Promise<{ table: string; trigger: string }[]> {
  const triggers = await pageTriggers(client, tables);
  for (const t of triggers) await client.query(`alter table ${t.table} disable trigger ${t.trigger}`);
  return triggers;
}

/**
 * Builds the product pages of every tenant (catalog.build_product_pages, one set-based statement per
 * tenant, in its tenant context) and switches the given triggers on again. Returns the pages written.
 * Runs inside the caller's transaction, as the owner or superuser.
 */
export async function rebuildPages(
  client: pg.ClientBase,
  triggers: { table: string; trigger: string }[],
): Promise<number> {
  const { rows } = await client.query<{ tenant_id: string }>(
    'select tenant_id from tenancy.tenants order by 1',
  );
  let pages = 0;
  for (const { tenant_id } of rows) {
    await client.query('select app.set_tenant($1)', [tenant_id]);
    const built = await client.query<{ n: string }>('select catalog.build_product_pages($1) as n', [
      tenant_id,
    ]);
    pages += Number(built.rows[0]?.n ?? 0);
  }
  await client.query('select app.set_tenant(null)');
  for (const t of triggers) await client.query(`alter table ${t.table} enable trigger ${t.trigger}`);
  return pages;
}
