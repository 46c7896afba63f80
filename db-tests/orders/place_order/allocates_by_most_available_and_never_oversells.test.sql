-- Allocation rule: per line, active warehouses with the most available units first (ties: warehouse
-- code), split when needed. An order that cannot be covered in full is refused (B3201) and reserves nothing.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'ACME-NORTH') as north \gset
select tests.create_warehouse(:'alpha', 'ACME-SOUTH') as south \gset
select tests.create_warehouse(:'alpha', 'ACME-OLD') as old \gset
select tests.set_stock(:'alpha', :'variant', :'north', 30);
select tests.set_stock(:'alpha', :'variant', :'south', 30);
select tests.set_stock(:'alpha', :'variant', :'old', 100);
update catalog.warehouses set is_active = false where warehouse_id = :'old';

-- the stock of the variant per warehouse code, as reserved/on_hand
create function tests.stock_in_test(variant uuid) returns text language sql as $$
  select string_agg(w.code || '=' || s.reserved || '/' || s.on_hand, ' ' order by w.code)
  from catalog.stock_levels s join catalog.warehouses w using (tenant_id, warehouse_id)
  where s.variant_id = variant
$$;
grant execute on function tests.stock_in_test(uuid) to b2b_app;

select tests.act_as(:'alpha', :'buyer');

select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 45), p_idempotency_key => 'a')).state, 'placed', '45 units are placed');
select is(tests.stock_in_test(:'variant'), 'ACME-MAIN=0/10 ACME-NORTH=30/30 ACME-OLD=0/100 ACME-SOUTH=15/30',
  'the fullest warehouse first (NORTH before SOUTH on a tie, by code), the rest from the next');

select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 26), p_idempotency_key => 'b')$$, :'company', :'buyer', :'variant'),
  'B3201', 'not enough stock of ACME-DR-1: 26 ordered, 25 available',
  'more than the active warehouses have is refused (the inactive one does not count)');

select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 25), p_idempotency_key => 'c')).state, 'placed', 'exactly what is left can be ordered');
select is(tests.stock_in_test(:'variant'), 'ACME-MAIN=10/10 ACME-NORTH=30/30 ACME-OLD=0/100 ACME-SOUTH=30/30',
  'split across two warehouses, most available first');
select results_eq(
  format($$select w.code, a.reserved_quantity from orders.order_allocations a join catalog.warehouses w using (tenant_id, warehouse_id)
    join orders.orders o using (tenant_id, order_id) where o.idempotency_key = 'c' order by w.code$$),
  $$values ('ACME-MAIN', 10::bigint), ('ACME-SOUTH', 15::bigint)$$,
  'the allocations name the warehouses');

select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'd')$$, :'company', :'buyer', :'variant'),
  'B3201', null, 'nothing left: even one unit is refused');

-- a variant with no stock row at all
select tests.clear_actor();
select tests.create_product(:'alpha', 'Nail') as nail \gset
select tests.create_variant(:'alpha', :'nail', 'NAIL-1') as nail_variant \gset
select tests.set_base_price(:'alpha', :'nail_variant', 0.10);
select tests.act_as(:'alpha', :'buyer');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'e')$$, :'company', :'buyer', :'nail_variant'),
  'B3201', 'not enough stock of NAIL-1: 1 ordered, 0 available', 'a variant never stocked cannot be ordered');

select * from finish();
rollback;
