-- Fulfilment consumes the reservations (on hand and reserved both go down), counts shipped units on the
-- lines and moves the order to partially_fulfilled, then fulfilled; it never ships more than ordered.
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 4) \gset
select tests.create_warehouse(:'alpha', 'ACME-NORTH') as north \gset
select tests.set_stock(:'alpha', :'variant', :'north', 4);

select tests.act_as(:'alpha', :'buyer');
select order_id as draft from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1)) \gset
select throws_ok(format($$select orders.fulfil_order(app.current_tenant_id(), %L)$$, :'draft'), 'B3001', null, 'a draft does not ship');

select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'f1') \gset

select throws_ok(format($$select orders.fulfil_order(app.current_tenant_id(), %L, tests.lines(%L, 7))$$, :'order_id', :'variant'), 'B3202',
  format('order %s cannot ship 7 units of variant %s: 6 outstanding', :'order_id', :'variant'), 'more than ordered does not ship');
select throws_ok(format($$select orders.fulfil_order(app.current_tenant_id(), %L, tests.lines(gen_random_uuid(), 1))$$, :'order_id'), 'B3202', null,
  'a variant that is not on the order does not ship');

select is((orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 5))).state, 'partially_fulfilled', 'part of it ships');
select results_eq(
  format($$select w.code, s.on_hand, s.reserved from catalog.stock_levels s join catalog.warehouses w using (tenant_id, warehouse_id)
    where s.variant_id = %L order by w.code$$, :'variant'),
  $$values ('ACME-MAIN', 0::bigint, 0::bigint), ('ACME-NORTH', 3::bigint, 1::bigint)$$,
  'shipped units leave on hand and reserved, warehouse by warehouse (by code)');
select is((select fulfilled_quantity from orders.order_lines where order_id = :'order_id'), 5, 'the line counts shipped units');
select results_eq(
  format($$select sum(reserved_quantity)::bigint, sum(consumed_quantity)::bigint from orders.order_allocations where order_id = %L$$, :'order_id'),
  $$values (1::bigint, 5::bigint)$$, 'the allocations move from reserved to consumed');

select throws_ok(format($$select orders.fulfil_order(app.current_tenant_id(), %L, tests.lines(%L, 2))$$, :'order_id', :'variant'), 'B3202', null,
  'only what is outstanding ships');
select is((orders.fulfil_order(app.current_tenant_id(), :'order_id')).state, 'fulfilled', 'the rest ships: fulfilled');
select is((select on_hand || '/' || reserved from catalog.stock_levels where warehouse_id = :'north'), '2/0', 'all reservations consumed');
select throws_ok(format($$select orders.fulfil_order(app.current_tenant_id(), %L)$$, :'order_id'), 'B3001', null, 'a fulfilled order does not ship again');
select is((orders.complete_order(app.current_tenant_id(), :'order_id')).state, 'completed', 'a fulfilled order can be completed');

select * from finish();
rollback;
