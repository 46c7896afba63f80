-- orders.withdraw_quote: a requested or quoted quote can be withdrawn (buyer or seller); once decided it
-- cannot, by orders.quote_transitions. As b2b_app.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.act_as(:'alpha', :'buyer');

select quote_id as requested from orders.request_quote(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 2)) \gset
select is((orders.withdraw_quote(app.current_tenant_id(), :'requested')).state, 'withdrawn', 'a requested quote is withdrawn');
select ok((select decided_at is not null from orders.quotes where quote_id = :'requested'), 'the withdrawal is dated');
select throws_ok(format($$select orders.withdraw_quote(app.current_tenant_id(), %L)$$, :'requested'), 'B3001', null,
  'a withdrawn quote cannot be withdrawn again');
select throws_ok(format($$select orders.withdraw_quote(app.current_tenant_id(), %L)$$, gen_random_uuid()), 'B3305', null,
  'an unknown quote is not found');

select * from finish();
rollback;
