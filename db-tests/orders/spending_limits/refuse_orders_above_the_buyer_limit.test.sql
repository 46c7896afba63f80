-- A buyer's spending limit is enforced when an order is submitted: orders submitted in the current
-- calendar period (UTC) plus this one may not exceed it (B3102). Cancelled and rejected orders do not count.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
update accounts.buyers set spending_limit = 100, spending_period = 'month' where buyer_id = :'buyer';

select tests.act_as(:'alpha', :'buyer');
select tests.freeze_now('2030-01-20 12:00Z');
select order_id as first from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'jan-1') \gset
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 5), p_idempotency_key => 'jan-2')$$, :'company', :'buyer', :'variant'),
  'B3102', null, '60 + 50 is above the monthly limit of 100');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 4), p_idempotency_key => 'jan-3')).state, 'placed', '60 + 40 is exactly the limit');

select orders.cancel_order(app.current_tenant_id(), :'first');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 5), p_idempotency_key => 'jan-4')).state, 'placed', 'a cancelled order no longer counts');

select order_id as draft from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 2)) \gset
select throws_ok(format($$select orders.submit_order(app.current_tenant_id(), %L)$$, :'draft'), 'B3102', null, 'submitting a draft is checked too');

select tests.freeze_now('2030-02-01 00:00Z');
select is((orders.submit_order(app.current_tenant_id(), :'draft')).state, 'placed', 'a new month starts a new period');
select is((select submitted_at from orders.orders where order_id = :'draft'), '2030-02-01 00:00Z'::timestamptz, 'counted in February');

select tests.clear_actor();
update accounts.buyers set spending_limit = null, spending_period = null where buyer_id = :'buyer';
select tests.act_as(:'alpha', :'buyer');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 50), p_idempotency_key => 'feb-2')).state, 'placed', 'without a limit nothing is counted');

select * from finish();
rollback;
