-- The product page read model (catalog.product_pages) is rewritten in the writing transaction by a row
-- trigger on each table catalog.product_page_sources reads, firing on insert, delete and an update of any
-- column the view reads (db-tests/catalog/product_pages/every_source_column_has_the_refresh_trigger
-- checks that list against the view's dependencies). Named zz_page so it fires after the row's own
-- triggers (names sort the firing order) and before the audit capture (zz_audit).
create or replace trigger trg_products_zz_page
  after insert or delete or update of tenant_id, product_id, attributes, archived_at, created_at on catalog.products
  for each row execute function catalog.refresh_product_pages('product_id');

create or replace trigger trg_product_translations_zz_page
  after insert or delete or update of tenant_id, product_id, locale, name, slug, description on catalog.product_translations
  for each row execute function catalog.refresh_product_pages('product_id');

create or replace trigger trg_variants_zz_page
  after insert or delete or update of tenant_id, product_id, variant_id, sku, attributes, archived_at on catalog.variants
  for each row execute function catalog.refresh_product_pages('product_id');

create or replace trigger trg_prices_zz_page
  after insert or delete or update of tenant_id, variant_id, price_list_id, currency, unit_price, quantities, valid_during on catalog.prices
  for each row execute function catalog.refresh_product_pages('variant_id');

-- Only those triggers (and the owner's bulk build) write the read model: B5040 for anything else.
create or replace trigger trg_product_pages_guard
  before insert or update or delete on catalog.product_pages
  for each statement execute function app.guard_derived_writes('B5040', 'a read model kept by the catalog''s triggers',
    'the catalog tables');
