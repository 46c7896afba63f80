-- Cancelling gives the reserved stock back; only orders that shipped nothing can be cancelled.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'ACME-NORTH') as north \gset
select tests.set_stock(:'alpha', :'variant', :'north', 3);

select tests.act_as(:'alpha', :'buyer');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 12), p_idempotency_key => 'c1') \gset
select is((select sum(reserved) from catalog.stock_levels where variant_id = :'variant'), 12::numeric, 'reserved across two warehouses');

select is((orders.cancel_order(app.current_tenant_id(), :'order_id')).state, 'cancelled', 'a placed order can be cancelled');
select is((select sum(reserved) from catalog.stock_levels where variant_id = :'variant'), 0::numeric, 'cancelling releases every reservation');
select is((select sum(on_hand) from catalog.stock_levels where variant_id = :'variant'), 13::numeric, 'nothing left the warehouses');
select is((select sum(reserved_quantity) from orders.order_allocations where order_id = :'order_id'), 0::numeric,
  'the allocations show nothing held');
select throws_ok(format($$select orders.cancel_order(app.current_tenant_id(), %L)$$, :'order_id'), 'B3001', null, 'a cancelled order cannot be cancelled again');

select order_id as shipped from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 4), p_idempotency_key => 'c2') \gset
select orders.fulfil_order(app.current_tenant_id(), :'shipped', tests.lines(:'variant', 1));
select throws_ok(format($$select orders.cancel_order(app.current_tenant_id(), %L)$$, :'shipped'), 'B3001', null,
  'an order that started shipping cannot be cancelled');

select * from finish();
rollback;
