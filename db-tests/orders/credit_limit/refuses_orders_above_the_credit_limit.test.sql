-- A company's credit limit: open balance plus the uninvoiced part of its open orders plus the new order
-- may not exceed it (B3103). Shipping moves exposure from open orders to the balance; payments and
-- cancellations free credit.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
update accounts.companies set credit_limit = 100 where company_id = :'company';

select tests.act_as(:'alpha', :'buyer');
\set place 'select orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 5), p_idempotency_key => gen_random_uuid()::text)'

select order_id as first from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'c1') \gset
select throws_ok(:'place', 'B3103', null, 'an open order of 60 leaves no room for 50 under 100');
select orders.fulfil_order(app.current_tenant_id(), :'first');
select throws_ok(:'place', 'B3103', null, 'shipped and invoiced but unpaid: still 60 of the limit used');
select orders.record_payment(app.current_tenant_id(), p_company_id => :'company', p_amount => 60, p_currency => 'EUR', p_reference => 'paid');
select lives_ok(:'place', 'paid: there is room again');
select lives_ok(:'place', '50 + 50 is exactly the limit');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'one-more')$$, :'company', :'buyer', :'variant'),
  'B3103', null, 'not even one more unit');
select orders.cancel_order(app.current_tenant_id(), order_id) from orders.orders where state = 'placed' limit 1;
select lives_ok(:'place', 'a cancelled order frees its credit');

select tests.clear_actor();
update accounts.companies set credit_limit = null where company_id = :'company';
select tests.act_as(:'alpha', :'buyer');
select lives_ok(:'place', 'without a credit limit nothing is counted');
-- the state each accepted call reached, not only that it did not fail
select results_eq($$select state::text, count(*)::int from orders.orders group by state order by state$$,
  $$values ('cancelled', 1), ('fulfilled', 1), ('placed', 3)$$,
  'the accepted orders were placed (three open, one cancelled), the first one shipped');

select * from finish();
rollback;
