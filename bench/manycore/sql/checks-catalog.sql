-- After the load of the large catalog profile: the counts it must have (psql variables tenants, products:
-- per tenant) and a consistent stock journal. One row per check: ok (t/f), what, detail.
\set ON_ERROR_STOP on
\pset footer off
with expected(tbl, n) as (values
  ('tenancy.tenants', :tenants::bigint),
  ('catalog.warehouses', :tenants * 2),
  ('catalog.price_lists', :tenants::bigint),
  ('catalog.categories', :tenants * 20),
  ('catalog.products', :tenants * :products),
  ('catalog.product_translations', :tenants * :products * 2),
  ('catalog.product_categories', :tenants * :products),
  ('catalog.variants', :tenants * :products * 4),
  ('catalog.prices', :tenants * :products * 8),
  ('catalog.stock_levels', :tenants * :products * 8)
),
actual(tbl, n) as (values
  ('tenancy.tenants', (select count(*) from tenancy.tenants)),
  ('catalog.warehouses', (select count(*) from catalog.warehouses)),
  ('catalog.price_lists', (select count(*) from catalog.price_lists)),
  ('catalog.categories', (select count(*) from catalog.categories)),
  ('catalog.products', (select count(*) from catalog.products)),
  ('catalog.product_translations', (select count(*) from catalog.product_translations)),
  ('catalog.product_categories', (select count(*) from catalog.product_categories)),
  ('catalog.variants', (select count(*) from catalog.variants)),
  ('catalog.prices', (select count(*) from catalog.prices)),
  ('catalog.stock_levels', (select count(*) from catalog.stock_levels))
),
unjournaled as (
  select count(*) as n from catalog.stock_levels s
  left join (select tenant_id, variant_id, warehouse_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
             from catalog.stock_movements group by 1, 2, 3) m using (tenant_id, variant_id, warehouse_id)
  where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)
)
select bool_and(e.n = a.n) as ok, 'catalog: every table has the profile''s row count' as what,
  coalesce(string_agg(format('%s %s (expected %s)', e.tbl, a.n, e.n), ', ') filter (where e.n <> a.n), 'all as expected') as detail
from expected e join actual a using (tbl)
union all
select (select n from unjournaled) = 0, 'catalog: every stock level equals the sum of its journal',
  format('%s stock rows do not', (select n from unjournaled));
