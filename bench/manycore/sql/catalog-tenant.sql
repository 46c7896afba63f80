-- The large catalog profile, part 2 of 2: the products of one tenant (run.sh runs one psql per tenant,
-- as many at once as --load-jobs allows). Same rows as scripts/lib/seed-large.ts: products with an en
-- and a de translation (names from two word lists, as search terms are drawn from them), one leaf
-- category each, 4 variants each, two quantity tiers per variant in the base list (1-9 at list price,
-- 10+ at 10 % off), units on hand in both warehouses (journaled by the stock trigger as 'sync').
-- One transaction, every constraint and trigger in force.
-- psql variables: t (the tenant's number), products.
\set ON_ERROR_STOP on
begin;
set local synchronous_commit = off;

create function pg_temp.bench_id(t int, kind text, n int) returns uuid
language sql immutable as $$ select md5(format('b2b-bench/%s/%s/%s', t, kind, n))::uuid $$;

create temp table words (i int primary key, en text, de text) on commit drop;
insert into words
select i - 1, en, de
from unnest(
  array['steel', 'bolt', 'valve', 'cable', 'pump', 'sensor', 'drill', 'bearing', 'filter', 'panel', 'hinge',
    'gasket', 'clamp', 'motor', 'switch', 'relay', 'hose', 'nozzle', 'bracket', 'spring'],
  array['Stahl', 'Bolzen', 'Ventil', 'Kabel', 'Pumpe', 'Sensor', 'Bohrer', 'Lager', 'Filter', 'Platte',
    'Scharnier', 'Dichtung', 'Klemme', 'Motor', 'Schalter', 'Relais', 'Schlauch', 'Duese', 'Halter', 'Feder']
) with ordinality as w(en, de, i);

insert into catalog.products (tenant_id, product_id)
select pg_temp.bench_id(:t, 'tenant', 0), pg_temp.bench_id(:t, 'product', p)
from generate_series(0, :products::int - 1) p;

-- productName(t, p, words) of seed-large.ts: words[p % 20] words[(7p + t) % 20] p.
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug, description)
select pg_temp.bench_id(:t, 'tenant', 0), pg_temp.bench_id(:t, 'product', p), l.locale, l.name,
  lower(replace(l.name, ' ', '-')), l.description
from generate_series(0, :products::int - 1) p
join words a on a.i = p % 20
join words b on b.i = (p * 7 + :t) % 20
cross join lateral (values
  ('en', a.en || ' ' || b.en || ' ' || p, 'Industrial ' || a.en || ' ' || b.en || ' ' || p || ' for professional use.'),
  ('de', a.de || ' ' || b.de || ' ' || p, a.de || ' ' || b.de || ' ' || p || ' fuer den professionellen Einsatz.')
) l(locale, name, description);

insert into catalog.product_categories (tenant_id, category_id, product_id)
select pg_temp.bench_id(:t, 'tenant', 0), pg_temp.bench_id(:t, 'category', 4 + p % 16), pg_temp.bench_id(:t, 'product', p)
from generate_series(0, :products::int - 1) p;

insert into catalog.variants (tenant_id, variant_id, product_id, sku)
select pg_temp.bench_id(:t, 'tenant', 0), pg_temp.bench_id(:t, 'variant', v), pg_temp.bench_id(:t, 'product', v / 4),
  format('SKU-%s-%s-%s', lpad(to_hex(:t), 3, '0'), v / 4, v % 4)
from generate_series(0, :products::int * 4 - 1) v;

-- In variant id order: the exclusion constraint's GiST index takes each insert on its right edge.
insert into catalog.prices (tenant_id, price_id, price_list_id, variant_id, currency, unit_price, quantities)
select pg_temp.bench_id(:t, 'tenant', 0), pg_temp.bench_id(:t, 'price', v * 2 + k), pg_temp.bench_id(:t, 'price_list', 0),
  pg_temp.bench_id(:t, 'variant', v), (array['EUR', 'USD', 'GBP', 'CHF'])[:t % 4 + 1],
  round((5 + ((v * 37 + :t) % 2000) / 4.0) * case k when 0 then 1 else 0.9 end, 4),
  case k when 0 then '[1,10)'::int4range else '[10,)'::int4range end
from generate_series(0, :products::int * 4 - 1) v, generate_series(0, 1) k
order by pg_temp.bench_id(:t, 'variant', v), k;

select catalog.set_stock_reason('sync');
insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand)
select pg_temp.bench_id(:t, 'tenant', 0), pg_temp.bench_id(:t, 'variant', v), pg_temp.bench_id(:t, 'warehouse', w),
  (v * 13 + w * 7) % 500
from generate_series(0, :products::int * 4 - 1) v, generate_series(0, 1) w;
select catalog.set_stock_reason(null);

commit;
