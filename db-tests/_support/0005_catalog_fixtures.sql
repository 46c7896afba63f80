-- Catalog fixtures, created as the session (super)user with an explicit tenant, before acting as anyone.
create or replace function tests.create_product(tenant uuid, name text default 'Product', locale text default 'en')
returns uuid
language plpgsql
as $$
declare
  product uuid;
begin
  insert into catalog.products (tenant_id) values (tenant) returning product_id into product;
  insert into catalog.product_translations (tenant_id, product_id, locale, name, slug)
  values (tenant, product, locale, name, lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g')) || '-' || left(product::text, 8));
  return product;
end
$$;

create or replace function tests.create_variant(tenant uuid, product uuid, sku text) returns uuid
language sql
as $$
  insert into catalog.variants (tenant_id, product_id, sku) values (tenant, product, sku) returning variant_id
$$;

create or replace function tests.create_category(tenant uuid, parent uuid default null) returns uuid
language sql
as $$
  insert into catalog.categories (tenant_id, parent_category_id) values (tenant, parent) returning category_id
$$;

-- One stock row as the JSON catalog.sync_stock_levels ('on_hand') and adjust_stock_levels ('delta') take.
create or replace function tests.stock_row(variant uuid, warehouse uuid, field text, n numeric) returns jsonb
language sql immutable
as $$
  select jsonb_build_object('variant_id', variant, 'warehouse_id', warehouse, field, n)
$$;

grant execute on all functions in schema tests to b2b_app, b2b_readonly, b2b_analytics;
