-- Quotes: a buyer requests prices, the seller stages them with a valid-until date, the buyer accepts
-- (an order at the quoted prices, submitted like any order) or declines; an expired quote cannot be
-- accepted; every state change follows orders.quote_transitions.
begin;
select plan(22);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_staff_user(:'alpha', 'sales@seller.example') as sales \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select * from tests.create_order_world(:'alpha', stock => 0, prefix => 'bolt') \gset b_
select tests.create_buyer_role(:'alpha', 'orderer', array['orders.create']) as orderer_role \gset
select tests.create_buyer(:'alpha', :'company', :'orderer_role', 'orderer@example.com') as orderer \gset

select tests.act_as(:'alpha', :'buyer');
select tests.freeze_now('2030-05-01 09:00Z');
select quote_id, state from orders.request_quote(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 40), p_note => 'Can you do better for 40?') \gset
select is(:'state'::text, 'requested', 'a quote starts as requested');
select throws_ok(format($$select orders.request_quote(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR', p_lines => tests.lines(%L, 1))$$,
  :'company', :'orderer', :'variant'), 'B3302', null, 'requesting needs quotes.request');
select throws_ok(format($$select orders.accept_quote(app.current_tenant_id(), %L, %L)$$, :'quote_id', :'buyer'), 'B3001',
  format('quote %s cannot move from requested to accepted', :'quote_id'), 'a quote without prices cannot be accepted');

select tests.act_as(:'alpha', :'sales');
select throws_ok(format($$select orders.stage_quote(app.current_tenant_id(), %L, '[]', '2030-05-15')$$, :'quote_id'), 'B3303', null,
  'every line needs a price');
select throws_ok(format($$select orders.stage_quote(app.current_tenant_id(), %L, jsonb_build_array(jsonb_build_object('variant_id', %L::uuid, 'unit_price', 8)), '2030-04-01')$$,
  :'quote_id', :'variant'), 'B3304', null, 'valid-until lies in the future');
select is((orders.stage_quote(app.current_tenant_id(), :'quote_id', jsonb_build_array(jsonb_build_object('variant_id', :'variant'::uuid, 'unit_price', 8.5)), '2030-05-15')).state,
  'quoted', 'the seller quotes');
select is((orders.stage_quote(app.current_tenant_id(), :'quote_id', jsonb_build_array(jsonb_build_object('variant_id', :'variant'::uuid, 'unit_price', 8)), '2030-05-20')).state,
  'quoted', 're-quoting a quoted quote keeps it quoted');
select results_eq(format($$select q.quoted_by, q.valid_until, l.unit_price from orders.quotes q join orders.quote_lines l using (tenant_id, quote_id) where q.quote_id = %L$$, :'quote_id'),
  format($$values (%L::uuid, '2030-05-20 00:00Z'::timestamptz, 8.0000::numeric(19,4))$$, :'sales'), 'the latest prices, date and who quoted');

select tests.act_as(:'alpha', :'b_buyer');
select throws_ok(format($$select orders.accept_quote(app.current_tenant_id(), %L, %L)$$, :'quote_id', :'b_buyer'), 'B2104', null,
  'a buyer of another company cannot accept it');

select tests.act_as(:'alpha', :'buyer');
select tests.freeze_now('2030-05-10 09:00Z');
select order_id, state as order_state, total_amount, quote_id as order_quote from orders.accept_quote(app.current_tenant_id(), :'quote_id', :'buyer') \gset
select is(:'order_state'::text, 'placed', 'accepting places an order');
select is(:'total_amount'::numeric, 320.0000, 'at the quoted price (40 x 8.00), not the catalog''s 10.00');
select is(:'order_quote'::uuid, :'quote_id'::uuid, 'the order names its quote');
select is((select priced_from from orders.order_lines where order_id = :'order_id'), 'quote', 'its lines are priced from the quote');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 40::bigint, 'stock is reserved as for any order');
select is((select state from orders.quotes where quote_id = :'quote_id'), 'accepted', 'the quote is accepted');
select is((orders.accept_quote(app.current_tenant_id(), :'quote_id', :'buyer')).order_id, :'order_id'::uuid, 'accepting again returns the same order');
select throws_ok(format($$select orders.decline_quote(app.current_tenant_id(), %L, %L)$$, :'quote_id', :'buyer'), 'B3001', null, 'an accepted quote cannot be declined');

-- expiry
select quote_id as late from orders.request_quote(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1)) \gset
select orders.stage_quote(app.current_tenant_id(), :'late', jsonb_build_array(jsonb_build_object('variant_id', :'variant'::uuid, 'unit_price', 5)), '2030-05-11');
select tests.freeze_now('2030-05-12 09:00Z');
select throws_ok(format($$select orders.accept_quote(app.current_tenant_id(), %L, %L)$$, :'late', :'buyer'), 'B3301', null, 'an expired quote cannot be accepted');
select is(orders.expire_quotes(app.current_tenant_id()), 1, 'the housekeeping job marks it expired');
select throws_ok(format($$update orders.quotes set state = 'quoted' where quote_id = %L$$, :'late'), 'B3001', null,
  'an expired quote does not come back');

-- decline
select quote_id as declined from orders.request_quote(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1)) \gset
select orders.stage_quote(app.current_tenant_id(), :'declined', jsonb_build_array(jsonb_build_object('variant_id', :'variant'::uuid, 'unit_price', 5)), '2030-06-01');
select is((orders.decline_quote(app.current_tenant_id(), :'declined', :'buyer')).state, 'declined', 'the buyer declines');
select throws_ok(format($$select orders.accept_quote(app.current_tenant_id(), %L, %L)$$, :'declined', :'buyer'), 'B3001', null, 'a declined quote cannot be accepted');

select * from finish();
rollback;
