-- The product page as the application sends it (packages/catalog getProductPage inside withTenant, as
-- b2b_app, so row-level security is in the path): a random tenant, one of its live products, en or de, an
-- anonymous visitor in the tenant's currency (the large profile has no buyers). The request's ids are read
-- first (\gset, one primary-key lookup): part of the latency pgbench logs, as in `pnpm bench orders`.
\set t random(1, :tenants)
\set p random(1, :products)
\set l random(0, 1)
select b.tenant_id as tenant, b.currency, p.product_id as product, case :l::int when 0 then 'en' else 'de' end as locale from bench.tenants b join bench.products p on p.tenant_id = b.tenant_id and p.n = :p where b.n = :t \gset
begin;
select app.set_tenant(:tenant);
select * from catalog.product_page(p_tenant_id => :tenant, product => :product, requested_locale => :locale, buyer => null, company => null, requested_currency => :currency, quantity => 1);
commit;
