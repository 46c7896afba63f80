// drop index prices tenant id variant id currency: runs outside a transaction (drop index concurrently
// does not block reads and writes of catalog.prices). idx_prices_tenant_id_variant_id_currency_incl
// (previous migration) has the same key columns and serves the same lookups and foreign key.
/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql('drop index concurrently if exists catalog.idx_prices_tenant_id_variant_id_currency');
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql(`create index concurrently if not exists idx_prices_tenant_id_variant_id_currency
  on catalog.prices (tenant_id, variant_id, currency)`);
};
