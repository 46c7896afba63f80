-- Up Migration
-- The catalog's entry points take the tenant as their first argument now (p_tenant_id: the routing
-- argument on Citus, checked by app.check_tenant), and resolve_translation and resolve_price are PL/pgSQL
-- (Citus cannot plan SQL-language functions that read distributed tables). A repeatable file only
-- creates; the functions of the old signatures, left in databases migrated before, are dropped here.
-- Nothing calls them any more. (catalog.resolve_price of the old signature stays, as a wrapper, until the
-- order functions call the new one: sql/catalog/functions/0090_function_resolve_price_pending_orders.sql.)
drop function if exists catalog.resolve_translation(uuid, text);
drop function if exists catalog.viewer_pricing(uuid, uuid, text);
drop function if exists catalog.product_page(uuid, text, uuid, uuid, text, integer);
drop function if exists catalog.search_products(text, text, text, text, uuid, text, numeric, numeric, boolean, float8, uuid, integer);
drop function if exists catalog.sync_stock_levels(jsonb, text);
drop function if exists catalog.adjust_stock_levels(jsonb);

-- Down Migration
-- Nothing to restore: the old functions came from repeatable files that no longer exist in that form,
-- and the repeatables are applied again after a rollback.
select 1;
