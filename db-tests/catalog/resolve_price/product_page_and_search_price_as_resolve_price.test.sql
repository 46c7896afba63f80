-- catalog.product_page and catalog.search_products apply catalog.resolve_price's precedence inside their
-- own statements (one index lookup per variant, not a function call per row): for every viewer and
-- quantity of the precedence fixture, the page shows exactly the price resolve_price gives, and a search
-- with a price range finds the product exactly when that price is in the range. As b2b_app.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_company(:'alpha', 'Wholesaler') as wholesaler \gset
select tests.create_company(:'alpha', 'Plain') as plain \gset
select tests.create_customer_group(:'alpha', 'Wholesale') as wholesale \gset
select tests.add_company_to_group(:'alpha', :'acme', :'wholesale');
select tests.add_company_to_group(:'alpha', :'wholesaler', :'wholesale');
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create}') as purchaser \gset
select tests.create_buyer(:'alpha', :'acme', :'purchaser', 'ann@acme.example') as ann \gset
select tests.create_buyer(:'alpha', :'wholesaler', :'purchaser', 'wes@wholesaler.example') as wes \gset
select tests.create_buyer(:'alpha', :'plain', :'purchaser', 'pia@plain.example') as pia \gset
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-1') as v \gset
select tests.create_variant(:'alpha', :'drill', 'DR-2') as v2 \gset

insert into catalog.price_lists (tenant_id, name, currency, scope, customer_group_id, company_id, priority, valid_during)
values
  (:'alpha', 'Base EUR', 'EUR', 'base', null, null, 0, '(,)'),
  (:'alpha', 'Base EUR promo', 'EUR', 'base', null, null, 5, tstzrange(now() - interval '1 day', now() + interval '1 day')),
  (:'alpha', 'Base EUR later', 'EUR', 'base', null, null, 9, tstzrange(now() + interval '1 day', null)),
  (:'alpha', 'Base USD', 'USD', 'base', null, null, 0, '(,)'),
  (:'alpha', 'Wholesale EUR', 'EUR', 'customer_group', :'wholesale', null, 0, '(,)'),
  (:'alpha', 'Acme EUR', 'EUR', 'company', null, :'acme', 0, '(,)'),
  (:'alpha', 'Acme EUR low priority', 'EUR', 'company', null, :'acme', -1, '(,)'),
  (:'alpha', 'Plain EUR expired', 'EUR', 'company', null, :'plain', 0, '[2020-01-01, 2021-01-01)');

insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price, quantities)
select :'alpha', l.price_list_id, x.variant::uuid, l.currency, x.unit_price, x.quantities::int4range
from catalog.price_lists l
join (values
  ('Base EUR', :'v', 10.00, '[1,10)'), ('Base EUR', :'v', 9.00, '[10,)'), ('Base EUR', :'v2', 20.00, '[1,)'),
  ('Base EUR promo', :'v', 8.50, '[1,5)'),
  ('Base EUR later', :'v', 1.00, '[1,)'),
  ('Base USD', :'v', 12.00, '[1,)'),
  ('Wholesale EUR', :'v', 8.00, '[1,100)'), ('Wholesale EUR', :'v', 7.00, '[100,)'),
  ('Acme EUR', :'v', 6.00, '[50,)'), ('Acme EUR low priority', :'v', 5.00, '[1,)'),
  ('Acme EUR low priority', :'v2', 19.00, '[1,)'),
  ('Plain EUR expired', :'v', 1.00, '[1,)')
) as x(list, variant, unit_price, quantities) on x.list = l.name;

-- every (viewer, quantity, variant): the page's price against resolve_price's (a table of the test schema:
-- b2b_app may not create temporary tables; dropped with the rollback)
create table tests.price_cases as
select viewer.buyer, viewer.company, viewer.currency, q.quantity
from (values (:'ann'::uuid, :'acme'::uuid, null::text), (:'wes', :'wholesaler', null), (:'pia', :'plain', null),
  (null, null, 'EUR'), (null, null, 'USD'), (null, null, 'JPY')) viewer(buyer, company, currency)
cross join (values (1), (4), (5), (9), (10), (49), (50), (99), (100), (150)) q(quantity);

grant select on tests.price_cases to b2b_app;

select tests.act_as(:'alpha');

select is(
  (select count(*)::int from tests.price_cases c
   cross join lateral catalog.product_page(app.current_tenant_id(), :'drill', 'en', c.buyer, c.company, c.currency, c.quantity) pp
   left join lateral catalog.resolve_price(app.current_tenant_id(), c.company, pp.variant_id, c.quantity, pp.currency) r on true
   where (pp.unit_price, pp.price_list_id, pp.price_list_scope, pp.price_quantities)
     is distinct from (r.unit_price, r.price_list_id, r.list_scope, r.quantities::text)),
  0, 'the product page shows resolve_price''s price for every viewer, quantity and variant');
select is((select count(*)::int from tests.price_cases c
   cross join lateral catalog.product_page(app.current_tenant_id(), :'drill', 'en', c.buyer, c.company, c.currency, c.quantity) pp
   where pp.unit_price is not null), 90,
  'the cases exercise priced rows (120 rows; USD has no price for DR-2, JPY no list at all)');
select is(
  (select array_agg(distinct pp.unit_price order by pp.unit_price) from tests.price_cases c
   cross join lateral catalog.product_page(app.current_tenant_id(), :'drill', 'en', c.buyer, c.company, c.currency, c.quantity) pp),
  array[5, 6, 7, 8, 8.5, 9, 10, 12, 19, 20, null]::numeric[],
  'and every rule of the precedence is reached (scope, priority, tier, period)');

-- search with a price range (one unit): the product is found exactly when some live variant's price for
-- the company, by resolve_price, is in the range
select is(
  (select count(*)::int
   from (values (:'acme'::uuid), (:'wholesaler'), (:'plain'), (null)) co(company)
   cross join (values (0::numeric, 5::numeric), (5, 5), (8, 8.5), (8.5, 8.5), (9, 9.99), (19, 19), (20, 100), (21, 100)) rng(lo, hi)
   where exists (
       select 1 from catalog.search_products(app.current_tenant_id(), 'DR-1', 'en', null, null, co.company, 'EUR',
         rng.lo, rng.hi, false, null, null, 24) s where s.product_id = :'drill')
     is distinct from exists (
       select 1 from (values (:'v'::uuid), (:'v2')) vv(variant)
       cross join lateral catalog.resolve_price(app.current_tenant_id(), co.company, vv.variant, 1, 'EUR') r
       where r.unit_price between rng.lo and rng.hi)),
  0, 'search''s price filter agrees with resolve_price for every company and range');

select * from finish();
rollback;
