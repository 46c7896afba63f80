-- Returns: at most the shipped quantity per order line (across returns that are not cancelled, B3401);
-- on receipt the units go back on hand and a credit note at the order price lowers the open balance.
begin;
select plan(13);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'alpha', stock => 0, prefix => 'bolt') \gset b_
select tests.create_warehouse(:'alpha', 'ACME-RETURNS') as returns_wh \gset

select tests.act_as(:'alpha', :'buyer');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 5), p_idempotency_key => 'ret') \gset
select throws_ok(format($$select orders.request_return(app.current_tenant_id(), %L, %L, tests.lines(%L, 1))$$, :'order_id', :'buyer', :'variant'),
  'B3401', null, 'nothing shipped: nothing to return');
select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 3));

select throws_ok(format($$select orders.request_return(app.current_tenant_id(), %L, %L, tests.lines(%L, 4))$$, :'order_id', :'buyer', :'variant'),
  'B3401', format('order %s cannot take back 4 units of variant %s: 3 shipped, 0 already being returned', :'order_id', :'variant'),
  'more than shipped cannot be returned');
select throws_ok(format($$select orders.request_return(app.current_tenant_id(), %L, %L, tests.lines(gen_random_uuid(), 1))$$, :'order_id', :'buyer'),
  'B3401', null, 'a variant not on the order cannot be returned');
select throws_ok(format($$select orders.request_return(app.current_tenant_id(), %L, %L, tests.lines(%L, 1))$$, :'order_id', :'b_buyer', :'variant'),
  'B2104', null, 'a buyer of another company cannot return it');

select return_id as first from orders.request_return(app.current_tenant_id(), p_order_id => :'order_id', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 2), p_reason => 'damaged') \gset
select throws_ok(format($$select orders.request_return(app.current_tenant_id(), %L, %L, tests.lines(%L, 2))$$, :'order_id', :'buyer', :'variant'),
  'B3401', null, 'returns add up: 2 + 2 is more than the 3 shipped');
select is((orders.request_return(app.current_tenant_id(), :'order_id', :'buyer', tests.lines(:'variant', 1))).state, 'requested', '2 + 1 is exactly what shipped');
select orders.cancel_return(app.current_tenant_id(), return_id) from orders.returns where return_id <> :'first';
select is((orders.request_return(app.current_tenant_id(), :'order_id', :'buyer', tests.lines(:'variant', 1))).state, 'requested',
  'a cancelled return frees its units');

select is(orders.open_balance(app.current_tenant_id(), :'company'), 30.0000::numeric(19,4), 'the shipment was invoiced (3 x 10.00)');
select is((orders.receive_return(app.current_tenant_id(), :'first', :'returns_wh')).state, 'received', 'the units arrive');
select is((select on_hand from catalog.stock_levels where warehouse_id = :'returns_wh'), 2::bigint, 'restocked on hand in the receiving warehouse');
select results_eq(format($$select kind, amount, return_id from orders.receivable_entries where kind = 'credit_note'$$),
  format($$values ('credit_note', 20.0000::numeric(19,4), %L::uuid)$$, :'first'), 'a credit note at the order price');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 10.0000::numeric(19,4), 'the credit note lowers the open balance');
select throws_ok(format($$select orders.receive_return(app.current_tenant_id(), %L, %L)$$, :'first', :'returns_wh'), 'B3001', null,
  'a return is received once');

select * from finish();
rollback;
