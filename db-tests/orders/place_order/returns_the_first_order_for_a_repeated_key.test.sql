-- Idempotency: placing with a key the tenant already used returns the first order unchanged (and
-- reserves nothing more); the key belongs to one buyer and company; keys are per tenant.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_buyer(:'alpha', :'company', :'purchaser_role', 'other@example.com') as other_buyer \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_

select tests.act_as(:'alpha', :'buyer');
select order_id as first_id from orders.place_order(p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 2), p_idempotency_key => 'retry-me') \gset

select is((orders.place_order(p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 5), p_idempotency_key => 'retry-me')).order_id, :'first_id'::uuid,
  'the retry returns the first order');
select is((select total_amount from orders.orders where order_id = :'first_id'), 20.0000::numeric(19,4),
  'the retry''s different lines are ignored');
select is((select count(*) from orders.orders), 1::bigint, 'one order exists');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 2::bigint, 'stock is reserved once');
select throws_ok(format($$select orders.place_order(p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me')$$, :'company', :'other_buyer', :'variant'),
  'B3004', null, 'another buyer cannot reuse the key');

-- a draft created with a key is what a later place_order with that key returns, as it is
select order_id as draft_id from orders.create_draft(p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'draft-key') \gset
select is((orders.place_order(p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'draft-key')).state, 'draft',
  'the key names the draft: it is returned, not submitted');

select tests.act_as(:'beta', :'b_buyer');
select isnt((orders.place_order(p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 1), p_idempotency_key => 'retry-me')).order_id, :'first_id'::uuid,
  'another tenant''s key of the same text is another order');
select is((select count(*) from orders.orders), 1::bigint, 'beta sees only its own order');

select * from finish();
rollback;
