-- The large catalog profile (scripts/lib/seed-large.ts, LARGE), part 1 of 2: per tenant the tenant row,
-- 2 warehouses, 1 base price list in the tenant's currency, 20 categories (4 roots with 4 children each).
-- Ids are md5 digests of (tenant number, kind, number): the same on every run, and computable by the
-- per-tenant part (catalog-tenant.sql) without a lookup. Run as the superuser in one transaction, with
-- every constraint and trigger in force (the category trigger computes each path).
-- psql variables: tenants.
\set ON_ERROR_STOP on
begin;

create function pg_temp.bench_id(t int, kind text, n int) returns uuid
language sql immutable as $$ select md5(format('b2b-bench/%s/%s/%s', t, kind, n))::uuid $$;

insert into tenancy.tenants (tenant_id, slug, name, default_locale, default_currency)
select pg_temp.bench_id(t, 'tenant', 0), 'bulk-' || lpad(to_hex(t), 4, '0'), 'Bulk Tenant ' || t, 'en',
  (array['EUR', 'USD', 'GBP', 'CHF'])[t % 4 + 1]
from generate_series(0, :tenants::int - 1) t;

insert into catalog.warehouses (tenant_id, warehouse_id, code, name, country_code)
select pg_temp.bench_id(t, 'tenant', 0), pg_temp.bench_id(t, 'warehouse', w), 'WH' || w, 'Warehouse ' || w,
  case when w = 0 then 'US' else 'DE' end
from generate_series(0, :tenants::int - 1) t, generate_series(0, 1) w;

insert into catalog.price_lists (tenant_id, price_list_id, name, currency, scope, priority)
select pg_temp.bench_id(t, 'tenant', 0), pg_temp.bench_id(t, 'price_list', 0), 'Base',
  (array['EUR', 'USD', 'GBP', 'CHF'])[t % 4 + 1], 'base', 0
from generate_series(0, :tenants::int - 1) t;

-- Roots first: a child's path is its parent's path plus its own id.
insert into catalog.categories (tenant_id, category_id, parent_category_id)
select pg_temp.bench_id(t, 'tenant', 0), pg_temp.bench_id(t, 'category', c), null
from generate_series(0, :tenants::int - 1) t, generate_series(0, 3) c;

insert into catalog.categories (tenant_id, category_id, parent_category_id)
select pg_temp.bench_id(t, 'tenant', 0), pg_temp.bench_id(t, 'category', 4 + c), pg_temp.bench_id(t, 'category', c % 4)
from generate_series(0, :tenants::int - 1) t, generate_series(0, 15) c;

commit;
