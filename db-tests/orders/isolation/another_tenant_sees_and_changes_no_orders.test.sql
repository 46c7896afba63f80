-- As the application role, a tenant cannot see, change or point at another tenant's orders, lines,
-- history or allocations, and the order functions treat another tenant's order as unknown.
begin;
select plan(19);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_

select tests.act_as(:'beta', :'b_buyer');
select order_id as beta_order from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'b_variant', 3), p_idempotency_key => 'beta-1') \gset

select tests.act_as(:'alpha', :'buyer');
select is_empty(format('select 1 from orders.orders where tenant_id = %L', :'beta'), 'orders: invisible');
select is_empty(format('select 1 from orders.order_lines where tenant_id = %L', :'beta'), 'order_lines: invisible');
select is_empty(format('select 1 from orders.order_state_history where tenant_id = %L', :'beta'), 'order_state_history: invisible');
select is_empty(format('select 1 from orders.order_allocations where tenant_id = %L', :'beta'), 'order_allocations: invisible');

-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['orders.orders', 'orders.order_lines', 'orders.order_state_history', 'orders.order_allocations'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s orders, lines, history and allocations');
select tests.act_as(:'alpha', :'buyer');
select throws_ok($$delete from orders.orders$$, '42501', null, 'orders: never deleted by the application');

select tests.throws_constraint(format($$insert into orders.order_lines (order_id, line_number, variant_id, quantity, unit_price, line_total, priced_from)
  values (%L, 9, %L, 1, 1, 1, 'price_list')$$, :'beta_order', :'variant'),
  'fk_order_lines_tenant_id_order_id_minor_units_orders', 'order_lines: cannot add a line to another tenant''s order');
select tests.throws_constraint(format($$insert into orders.order_state_history (order_id, transition_number, to_state) values (%L, 99, 'cancelled')$$, :'beta_order'),
  'fk_order_state_history_tenant_id_order_id_orders', 'order_state_history: cannot write another tenant''s history');
-- allocations are written only by the security definer stock writers (orders.reserve_stock, ...), which
-- refuse another tenant's order (catalog/stock_levels/a_forged_stock_reason_cannot_change_reserved)
select throws_ok(format($$insert into orders.order_allocations (order_id, variant_id, warehouse_id, reserved_quantity)
  values (%L, %L, %L, 1)$$, :'beta_order', :'b_variant', :'b_warehouse'),
  '42501', null, 'order_allocations: cannot hold another tenant''s stock (the application role writes no allocation)');
select tests.throws_constraint(format($$insert into orders.orders (company_id, buyer_id, currency, payment_terms_days) values (%L, %L, 'EUR', 30)$$,
  :'b_company', :'b_buyer'),
  'fk_orders_tenant_id_company_id_companies', 'orders: cannot order for another tenant''s company');
select throws_ok(format($$insert into orders.orders (tenant_id, company_id, buyer_id, currency, payment_terms_days) values (%L, %L, %L, 'EUR', 30)$$,
  :'beta', :'b_company', :'b_buyer'), '42501', null, 'orders: cannot insert into another tenant');

select throws_ok(format($$select orders.cancel_order(app.current_tenant_id(), %L)$$, :'beta_order'), 'B3013', null, 'cancel_order: another tenant''s order is unknown');
select throws_ok(format($$select orders.fulfil_order(app.current_tenant_id(), %L)$$, :'beta_order'), 'B3013', null, 'fulfil_order: unknown');
select throws_ok(format($$select orders.submit_order(app.current_tenant_id(), %L)$$, :'beta_order'), 'B3013', null, 'submit_order: unknown');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR', p_lines => tests.lines(%L, 1), p_idempotency_key => 'x')$$,
  :'b_company', :'b_buyer', :'b_variant'), 'B2104', null, 'place_order: another tenant''s buyer is unknown');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR', p_lines => tests.lines(%L, 1), p_idempotency_key => 'x')$$,
  :'company', :'buyer', :'b_variant'), 'B3008', null, 'place_order: another tenant''s variant has no price here');

select tests.act_as(:'beta');
select is((select state || ' ' || total_amount || ' ' || coalesce(purchase_order_number, '-') from orders.orders), 'placed 30.00 -',
  'beta''s order is unchanged');
select is((select reserved from catalog.stock_levels), 3::bigint, 'beta''s reservation is unchanged');

-- without a tenant context nothing is visible and nothing can be placed
select tests.act_as(null);
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR', p_lines => tests.lines(%L, 1), p_idempotency_key => 'y')$$,
  :'b_company', :'b_buyer', :'b_variant'), 'B2001', null, 'no tenant context: no order');

select * from finish();
rollback;
