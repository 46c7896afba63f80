-- The orders fixture of `pnpm bench orders` (scripts/lib/bench/suites/orders-fixture.ts), statement for
-- statement in SQL: tenants x companies x buyers, one Purchaser role with orders.create, 2 warehouses,
-- products x variants per tenant each stocked in both warehouses and priced in one base EUR list.
-- Run as the superuser in one transaction with every constraint and trigger in force.
-- psql variables: tenants, companies, buyers, products, variants_per_product, on_hand.
\set ON_ERROR_STOP on
begin;

insert into tenancy.tenants (slug, name)
select 'bench-' || i, 'Bench tenant ' || i from generate_series(1, :tenants::int) i;

insert into accounts.companies (tenant_id, legal_name, default_currency, default_locale, credit_limit)
select t.tenant_id, 'Bench company ' || i, 'EUR', 'en', 1000000000
from tenancy.tenants t, generate_series(1, :companies::int) i;

insert into accounts.addresses (tenant_id, company_id, kind, is_default, recipient, line1, locality,
  postal_code, country_code)
select c.tenant_id, c.company_id, k.kind, true, 'Receiving', 'Hafenstrasse 1', 'Hamburg', '20457', 'DE'
from accounts.companies c, (values ('billing'), ('shipping')) k(kind);

insert into accounts.buyer_roles (tenant_id, name) select tenant_id, 'Purchaser' from tenancy.tenants;

insert into accounts.buyer_role_permissions (tenant_id, buyer_role_id, permission)
select tenant_id, buyer_role_id, 'orders.create' from accounts.buyer_roles;

insert into accounts.buyers (tenant_id, company_id, buyer_role_id, email, full_name)
select c.tenant_id, c.company_id, r.buyer_role_id,
  'buyer' || i || '.' || left(c.company_id::text, 8) || '@example.com', 'Buyer ' || i
from accounts.companies c
join accounts.buyer_roles r on r.tenant_id = c.tenant_id
cross join generate_series(1, :buyers::int) i;

insert into catalog.warehouses (tenant_id, code, name, country_code)
select t.tenant_id, w.code, w.name, 'DE'
from tenancy.tenants t, (values ('WH-NORTH', 'North'), ('WH-SOUTH', 'South')) w(code, name);

insert into catalog.products (tenant_id) select t.tenant_id from tenancy.tenants t, generate_series(1, :products::int);

insert into catalog.variants (tenant_id, product_id, sku)
select p.tenant_id, p.product_id, 'BENCH-' || row_number() over (partition by p.tenant_id) || '-' || v
from catalog.products p, generate_series(1, :variants_per_product::int) v;

insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand)
select v.tenant_id, v.variant_id, w.warehouse_id, :on_hand::bigint
from catalog.variants v join catalog.warehouses w on w.tenant_id = v.tenant_id;

insert into catalog.price_lists (tenant_id, name, currency) select tenant_id, 'Base EUR', 'EUR' from tenancy.tenants;

insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
select v.tenant_id, l.price_list_id, v.variant_id, 'EUR', round((1 + random() * 499)::numeric, 2)
from catalog.variants v join catalog.price_lists l on l.tenant_id = v.tenant_id;

commit;
