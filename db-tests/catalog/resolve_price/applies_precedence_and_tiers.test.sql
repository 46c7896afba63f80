-- catalog.resolve_price: company list over customer group list over base list; then higher priority;
-- then the tier that holds the quantity; only prices and lists valid at the given time. And
-- catalog.resolve_prices, the same rule for many lines in one statement: one row per line, in line order,
-- each as resolve_price prices it, with a null price where none applies.
begin;
select plan(18);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_company(:'alpha', 'Wholesaler') as wholesaler \gset
select tests.create_company(:'alpha', 'Plain') as plain \gset
select tests.create_customer_group(:'alpha', 'Wholesale') as wholesale \gset
select tests.add_company_to_group(:'alpha', :'acme', :'wholesale');
select tests.add_company_to_group(:'alpha', :'wholesaler', :'wholesale');
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-1') as v \gset

insert into catalog.price_lists (tenant_id, name, currency, scope, customer_group_id, company_id, priority, valid_during)
values
  (:'alpha', 'Base EUR', 'EUR', 'base', null, null, 0, '(,)'),
  (:'alpha', 'Base EUR winter promo', 'EUR', 'base', null, null, 5, '[2030-12-01, 2031-01-01)'),
  (:'alpha', 'Base USD', 'USD', 'base', null, null, 0, '(,)'),
  (:'alpha', 'Wholesale EUR', 'EUR', 'customer_group', :'wholesale', null, 0, '(,)'),
  (:'alpha', 'Acme EUR', 'EUR', 'company', null, :'acme', 0, '(,)'),
  (:'alpha', 'Plain EUR expired', 'EUR', 'company', null, :'plain', 0, '[2020-01-01, 2021-01-01)');

insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price, quantities)
select :'alpha', l.price_list_id, :'v', l.currency, x.unit_price, x.quantities::int4range
from catalog.price_lists l
join (values
  ('Base EUR', 10.00, '[1,10)'), ('Base EUR', 9.00, '[10,)'),
  ('Base EUR winter promo', 8.50, '[1,)'),
  ('Base USD', 12.00, '[1,)'),
  ('Wholesale EUR', 8.00, '[1,100)'), ('Wholesale EUR', 7.00, '[100,)'),
  ('Acme EUR', 6.00, '[50,)'),
  ('Plain EUR expired', 1.00, '[1,)')
) as x(list, unit_price, quantities) on x.list = l.name;

-- unit price and list scope of a resolution, for compact assertions (dropped with the rollback)
create function tests.price_in_test(company uuid, quantity integer, currency text, at timestamptz default '2030-06-01')
returns text language sql as $$
  select r.unit_price::numeric(19, 2) || ' ' || r.list_scope
  from catalog.resolve_price(app.current_tenant_id(), company, (select variant_id from catalog.variants where sku = 'DR-1'), quantity, currency, at) r
$$;
grant execute on function tests.price_in_test(uuid, integer, text, timestamptz) to b2b_app;

select tests.create_variant(:'alpha', :'drill', 'DR-2') as unpriced \gset
create temporary table many_lines as
select * from (values
  (1, 60), (2, 5), (3, 150), (4, 9), (5, 10), (6, 1)
) as x(n, quantity);
grant select on many_lines to b2b_app;
select tests.create_tenant('beta') as beta \gset

select tests.act_as(:'alpha');


select is(tests.price_in_test(:'acme', 60, 'EUR'), '6.00 company', 'a company list beats the group and base lists');
select is(tests.price_in_test(:'acme', 5, 'EUR'), '8.00 customer_group',
  'when the company list has no tier for the quantity, the group list applies');
select is(tests.price_in_test(:'wholesaler', 99, 'EUR'), '8.00 customer_group', 'group tier [1,100) for 99 units');
select is(tests.price_in_test(:'wholesaler', 100, 'EUR'), '7.00 customer_group', 'group tier [100,) from 100 units');
select is(tests.price_in_test(:'plain', 9, 'EUR'), '10.00 base', 'a company in no group gets the base list: tier [1,10)');
select is(tests.price_in_test(:'plain', 10, 'EUR'), '9.00 base', 'base tier [10,) from 10 units');
select is(tests.price_in_test(:'plain', 1, 'EUR', '2030-12-15'), '8.50 base',
  'during its period, the base list with the higher priority wins');
select is(tests.price_in_test(:'acme', 60, 'EUR', '2030-12-15'), '6.00 company',
  'scope still beats priority: the company list wins over the prioritized base list');
select is(tests.price_in_test(:'plain', 1, 'EUR', '2020-06-01'), '1.00 company', 'a company list applies within its period');
select is(tests.price_in_test(:'plain', 1, 'USD'), '12.00 base', 'prices are per currency');
select is(tests.price_in_test(null, 1, 'EUR'), '10.00 base', 'without a company, only base lists apply');
select is(tests.price_in_test(:'plain', 1, 'JPY'), null, 'no price in a currency without a list');
select is(
  (select quantities from catalog.resolve_price(app.current_tenant_id(), :'wholesaler', :'v', 150, 'EUR', '2030-06-01')), '[100,)'::int4range,
  'the result names the matched tier');
select is(
  (select price_list_id from catalog.resolve_price(app.current_tenant_id(), company_id => :'acme', variant_id => :'v', quantity => 60, currency => 'EUR')),
  (select price_list_id from catalog.price_lists where name = 'Acme EUR'),
  'named arguments work, and "at" defaults to now()');

-- many lines at once: every case above as one line of one call, against resolve_price line by line
select is(
  (select array_agg(r.line order by r.line) from catalog.resolve_prices(app.current_tenant_id(), :'acme', 'EUR',
    '2030-06-01', array[:'v', :'v', :'unpriced', :'v']::uuid[], array[60, 5, 1, 150]) r),
  array[1, 2, 3, 4],
  'resolve_prices: one row per line, in line order, also for a line without a price');
select is(
  (select array_agg(coalesce(r.unit_price::numeric(19, 2)::text || ' ' || r.list_scope, 'none') order by r.line)
   from catalog.resolve_prices(app.current_tenant_id(), :'acme', 'EUR', '2030-06-01',
     array[:'v', :'v', :'unpriced', :'v']::uuid[], array[60, 5, 1, 150]) r),
  array['6.00 company', '8.00 customer_group', 'none', '6.00 company'],
  'resolve_prices: each line priced by the precedence rule, null where no price applies');
select is(
  (select array_agg(r.unit_price || '/' || r.price_list_id || '/' || r.quantities order by r.line)
   from catalog.resolve_prices(app.current_tenant_id(), :'wholesaler', 'EUR', '2030-12-15',
     (select array_agg(:'v'::uuid) from many_lines), (select array_agg(m.quantity order by m.n) from many_lines m)) r),
  (select array_agg(p.unit_price || '/' || p.price_list_id || '/' || p.quantities order by m.n)
   from many_lines m
   cross join lateral catalog.resolve_price(app.current_tenant_id(), :'wholesaler', :'v', m.quantity, 'EUR', '2030-12-15') p),
  'resolve_prices agrees with resolve_price line by line (price, list and tier)');
select throws_ok(
  format('select * from catalog.resolve_prices(%L, %L, ''EUR'', now(), array[%L]::uuid[], array[1])',
    :'beta', :'acme', :'v'),
  'B2002', null, 'resolve_prices refuses a tenant other than the transaction''s');

select * from finish();
rollback;
