-- Privileges on schemas catalog and extensions, in one place. Revoke first so a removed grant is really gone.
-- Update grants name their columns. Insert grants are on whole tables (Citus sends every column of an insert
-- to the shards, defaults included, so a column-level INSERT grant refuses every insert there): the columns
-- the app may not set on insert are guarded by trg_<table>_before_insert_columns (triggers/*_insert_guards.sql),
-- and tenant_id by the INSERT policy.
revoke all on schema catalog, extensions from public;
revoke all on all tables in schema catalog from public, b2b_app, b2b_readonly, b2b_analytics;
revoke all on all functions in schema catalog from public, b2b_app, b2b_readonly, b2b_analytics;

-- extensions: the app may use trigram operators and functions (similarity, %) in its queries.
grant usage on schema extensions to b2b_app, b2b_readonly;
grant usage on schema catalog to b2b_app, b2b_readonly;

-- Shared reference data: readable by every application role, written only by migrations.
grant select on catalog.currencies, catalog.countries, catalog.locales to b2b_app, b2b_readonly;

-- Used by the generated search_vector column, so whoever writes translations calls it.
grant execute on function catalog.text_search_config(text) to b2b_app, b2b_readonly;

grant execute on function catalog.resolve_translation(uuid, uuid, text) to b2b_app, b2b_readonly;

-- Products never get a delete grant: they are archived (archived_at) and keep their history.
grant select on catalog.products, catalog.variants, catalog.categories, catalog.category_translations,
  catalog.product_categories, catalog.product_translations
  to b2b_app, b2b_readonly;

grant insert on catalog.products to b2b_app;
grant update (attributes, archived_at) on catalog.products to b2b_app;

grant insert on catalog.variants to b2b_app;
grant update (sku, attributes, archived_at) on catalog.variants to b2b_app;

-- path is derived by trigger from parent_category_id: never in a grant.
grant insert on catalog.categories to b2b_app;
grant update (parent_category_id) on catalog.categories to b2b_app;
grant delete on catalog.categories to b2b_app;

grant insert on catalog.category_translations to b2b_app;
grant update (name, slug, description) on catalog.category_translations to b2b_app;
grant delete on catalog.category_translations to b2b_app;

grant insert on catalog.product_categories to b2b_app;
grant delete on catalog.product_categories to b2b_app;

grant insert on catalog.product_translations to b2b_app;
grant update (name, slug, description) on catalog.product_translations to b2b_app;
grant delete on catalog.product_translations to b2b_app;

grant execute on function catalog.resolve_price(uuid, uuid, uuid, integer, text, timestamptz) to b2b_app, b2b_readonly;
grant execute on function catalog.resolve_prices(uuid, uuid, text, timestamptz, uuid[], integer[]) to b2b_app, b2b_readonly;

grant select on catalog.price_lists, catalog.prices to b2b_app, b2b_readonly;

-- The buyer-facing reads (security invoker: row-level security applies to the caller).
grant execute on function catalog.viewer_pricing(uuid, uuid, uuid, text) to b2b_app, b2b_readonly;
grant execute on function catalog.product_page(uuid, uuid, text, uuid, uuid, text, integer) to b2b_app, b2b_readonly;
grant execute on function catalog.search_products(uuid, text, text, text, text, uuid, text, numeric, numeric, boolean, float8, uuid, integer)
  to b2b_app, b2b_readonly;

-- The product page read model (catalog.product_pages): read by the page; written only by the page
-- triggers, which run as the caller of the catalog write (b2b_app) and read the source tables as it;
-- trg_product_pages_guard refuses any other write of b2b_app (B5040). The bulk build is the owner's. The
-- view catalog.product_page_sources is the reference the triggers' and the build's copies of the page
-- query are tested against, as b2b_app (db-tests/catalog/product_pages, db-tests/citus/catalog).
grant select on catalog.product_pages to b2b_app, b2b_readonly;
grant insert on catalog.product_pages to b2b_app;
grant update (attributes, created_at, translations, variants) on catalog.product_pages to b2b_app;
grant delete on catalog.product_pages to b2b_app;
grant select on catalog.product_page_sources to b2b_app;

-- A list's currency and scope are fixed once created (its prices carry the currency): create a new list.
grant insert on catalog.price_lists to b2b_app;
grant update (name, priority, valid_during) on catalog.price_lists to b2b_app;
grant delete on catalog.price_lists to b2b_app;

grant insert on catalog.prices to b2b_app;
grant update (unit_price, quantities, valid_during) on catalog.prices to b2b_app;
grant delete on catalog.prices to b2b_app;

grant select on catalog.warehouses, catalog.stock_levels to b2b_app, b2b_readonly;

grant insert on catalog.warehouses to b2b_app;
grant update (code, name, country_code, is_active) on catalog.warehouses to b2b_app;
grant delete on catalog.warehouses to b2b_app;

-- Reserved belongs to the orders: no grant to b2b_app names it, so no direct write of b2b_app (insert,
-- update, or an upsert's conflict branch) can change it, whatever stock reason it sets (42501). Only the
-- security definer stock writers owned by b2b_owner (orders.reserve_stock, release_stock, consume_stock)
-- change it, each checking that the order is in the state that calls for it (B2212); row-level security
-- is forced, so they act within the current tenant only. trg_stock_levels_after_update journals every
-- change and still refuses a change of reserved without an order reason by a role that holds the
-- privilege (B2212). A level with journal rows cannot be deleted (fk_stock_movements_..._stock): set on_hand to 0.
grant insert on catalog.stock_levels to b2b_app;
grant update (on_hand) on catalog.stock_levels to b2b_app;
grant delete on catalog.stock_levels to b2b_app;

-- The stock journal: read by the app; the insert grant serves the stock_levels journal triggers, which run
-- as the caller (trg_stock_movements_before_insert refuses any other insert, B2213: a journal insert from
-- those triggers runs at trigger depth 2, and b2b_app cannot create a trigger of its own, having no
-- create or temporary privilege anywhere). No update or delete.
grant select on catalog.stock_movements to b2b_app, b2b_readonly;
grant insert on catalog.stock_movements to b2b_app;

-- Stock writes: counts (sync or admin) and adjustments change on_hand only; set_stock_reason names the
-- journal's reason. b2b_app may call it (sync, adjustment, and receive_return's return run as the caller),
-- so a reason is a label, not a permission: it cannot change reserved (no grant names reserved).
grant execute on function catalog.parse_stock_rows(jsonb, text) to b2b_app;
grant execute on function catalog.set_stock_reason(text, uuid, uuid) to b2b_app;
grant execute on function catalog.sync_stock_levels(uuid, jsonb, text) to b2b_app;
grant execute on function catalog.adjust_stock_levels(uuid, jsonb) to b2b_app;

-- data_type is fixed once declared (values already stored were checked against it): declare a new key.
-- Deleting a definition does not rewrite stored attributes; the next write of such a row fails with B2202.
grant select on catalog.attribute_definitions to b2b_app, b2b_readonly;
grant insert on catalog.attribute_definitions to b2b_app;
grant update (unit) on catalog.attribute_definitions to b2b_app;
grant delete on catalog.attribute_definitions to b2b_app;
