// create index prices price lookup: runs outside a transaction (create index concurrently on a busy
// table). One statement per step: if it fails half way, the index is left INVALID; the down step (or a
// rerun after dropping it) mends it.
//
// catalog.resolve_price (product page, search price filter, resolvePrice): the prices of one variant in
// one currency, read by (tenant_id, variant_id, currency). The columns the lookup filters and sorts on are
// included, so it is an index-only scan (a few index pages per variant, no heap visit). With only the
// three key columns the planner often took the GiST index behind excl_prices_no_overlap instead (it
// also holds tenant_id, currency and variant_id), which read about twice the buffers per variant.
// Also serves fk_prices_tenant_id_variant_id_variants; it replaces idx_prices_tenant_id_variant_id_currency
// (dropped by the next migration).
/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql(`create index concurrently if not exists idx_prices_tenant_id_variant_id_currency_incl
  on catalog.prices (tenant_id, variant_id, currency)
  include (price_list_id, unit_price, quantities, valid_during)`);
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql('drop index concurrently if exists catalog.idx_prices_tenant_id_variant_id_currency_incl');
};
