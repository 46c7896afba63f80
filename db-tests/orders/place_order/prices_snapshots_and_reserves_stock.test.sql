-- place_order: one call creates a placed order priced by catalog.resolve_price, with address and payment
-- terms snapshots and a checked total, reserves its stock, and records its history.
begin;
select plan(16);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_product(:'alpha', 'Saw') as saw \gset
select tests.create_variant(:'alpha', :'saw', 'SAW-1') as saw_variant \gset
select tests.set_stock(:'alpha', :'saw_variant', :'warehouse', 5);
select tests.set_base_price(:'alpha', :'saw_variant', 2.5);
update accounts.companies set payment_terms_days = 45 where company_id = :'company';
insert into accounts.addresses (tenant_id, company_id, kind, is_default, recipient, line1, locality, postal_code, country_code)
values (:'alpha', :'company', 'shipping', true, 'Acme dock 3', 'Hafenstr. 1', 'Hamburg', '20457', 'DE')
returning address_id as dock \gset

select tests.act_as(:'alpha', :'buyer');

select * from orders.place_order(app.current_tenant_id(), 
  p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => jsonb_build_array(
    jsonb_build_object('variant_id', :'variant'::uuid, 'quantity', 3),
    jsonb_build_object('variant_id', :'saw_variant'::uuid, 'quantity', 4)),
  p_idempotency_key => 'order-1', p_purchase_order_number => 'PO-77') \gset o_

select is(:'o_state'::text, 'placed', 'an order without approval rules is placed');
select is(:'o_total_amount'::numeric, 40.0000, 'total is the sum of the lines (3 x 10.00 + 4 x 2.50)');
select is(:'o_payment_terms_days'::integer, 45, 'payment terms are the company''s, copied');
select is(:'o_purchase_order_number'::text, 'PO-77', 'purchase order number is kept');
select is((:'o_shipping_address'::jsonb) ->> 'line1', 'Hafenstr. 1', 'the default shipping address is copied');
select is((select billing_address from orders.orders where order_id = :'o_order_id'), null, 'no billing address when the company has no default one');
select ok(:'o_submitted_at'::timestamptz is not null, 'submitted_at is set');
select results_eq(
  format($$select line_number, quantity, unit_price, line_total, priced_from from orders.order_lines where order_id = %L order by line_number$$, :'o_order_id'),
  $$values (1, 3, 10.0000::numeric(19,4), 30.0000::numeric(19,4), 'price_list'), (2, 4, 2.5000, 10.0000, 'price_list')$$,
  'lines keep the unit price snapshot and their total');
select results_eq(
  format($$select variant_id, reserved from catalog.stock_levels where variant_id in (%L, %L) order by reserved$$, :'variant', :'saw_variant'),
  format($$values (%L::uuid, 3::bigint), (%L::uuid, 4::bigint)$$, :'variant', :'saw_variant'),
  'stock is reserved for every line');
select is((select sum(reserved_quantity) from orders.order_allocations where order_id = :'o_order_id'), 7::numeric,
  'allocations record what each line holds');
select results_eq(
  format($$select from_state, to_state, changed_by from orders.order_state_history where order_id = %L order by transition_number$$, :'o_order_id'),
  format($$values (null, 'draft', %1$L::uuid), ('draft', 'placed', %1$L::uuid)$$, :'buyer'),
  'history records creation and placement, by the acting user');

-- a later price change or address edit does not touch the placed order
select tests.clear_actor();
update catalog.prices set unit_price = 99 where variant_id = :'variant';
update accounts.addresses set line1 = 'Elsewhere 9' where address_id = :'dock';
select tests.act_as(:'alpha', :'buyer');
select is((select unit_price from orders.order_lines where order_id = :'o_order_id' and line_number = 1), 10.0000::numeric(19,4),
  'the unit price is a snapshot');
select is((select shipping_address ->> 'line1' from orders.orders where order_id = :'o_order_id'), 'Hafenstr. 1',
  'the address is a snapshot');

-- a chosen address must be one of the company's, of the right kind
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'order-2', p_billing_address_id => %L)$$,
  :'company', :'buyer', :'variant', :'dock'), 'B3006', null, 'a shipping address is not a billing address');

-- prices are resolved at now(): the new price applies to the next order
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'order-3')).total_amount, 99.0000::numeric(19,4),
  'the next order is priced at the current price');

select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => null)$$, :'company', :'buyer', :'variant'),
  'B3007', null, 'placing needs an idempotency key');

select * from finish();
rollback;
