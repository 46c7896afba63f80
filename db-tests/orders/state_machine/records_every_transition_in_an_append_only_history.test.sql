-- Every state change is recorded (who, when, from, to) in an append-only history.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_staff_user(:'alpha', 'clerk@seller.example') as clerk \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset

select tests.act_as(:'alpha', :'buyer');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 2), p_idempotency_key => 'h') \gset
select tests.act_as(:'alpha', :'clerk');
select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 1));
select orders.fulfil_order(app.current_tenant_id(), :'order_id');
select tests.act_as(:'alpha');
select orders.complete_order(app.current_tenant_id(), :'order_id');

select results_eq(
  format($$select from_state, to_state, changed_by from orders.order_state_history where order_id = %L order by transition_number$$, :'order_id'),
  format($$values (null, 'draft', %1$L::uuid), ('draft', 'placed', %1$L::uuid), ('placed', 'partially_fulfilled', %2$L::uuid),
    ('partially_fulfilled', 'fulfilled', %2$L::uuid), ('fulfilled', 'completed', null)$$, :'buyer', :'clerk'),
  'from, to and who, for every change');
select is((select count(distinct changed_at) from orders.order_state_history where order_id = :'order_id'), 1::bigint,
  'when: the transaction time of each change');
select is((select count(*) from orders.order_state_history h join orders.orders o using (tenant_id, order_id)
  where h.to_state = o.state and h.order_id = :'order_id' and h.transition_number = (select max(transition_number) from orders.order_state_history where order_id = :'order_id')), 1::bigint,
  'the last entry is the current state');

select throws_ok(format($$update orders.order_state_history set to_state = 'cancelled' where order_id = %L$$, :'order_id'),
  '42501', null, 'the application cannot rewrite history');
select throws_ok(format($$delete from orders.order_state_history where order_id = %L$$, :'order_id'),
  '42501', null, 'the application cannot delete history');

-- and the trigger refuses it to anyone the grants would let through (here: the superuser)
select tests.clear_actor();
select throws_ok(format($$delete from orders.order_state_history where order_id = %L$$, :'order_id'),
  'B3012', null, 'history is append-only even for an owner script');

select * from finish();
rollback;
