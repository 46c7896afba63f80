-- The state machine's reference data is seeded, readable by the application and written only by migrations.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select tests.act_as(:'alpha');

select ok((select array_agg(state) from orders.order_states)
  @> array['draft', 'pending_approval', 'placed', 'partially_fulfilled', 'fulfilled', 'completed', 'cancelled'],
  'the states the issue names exist');
select is((select count(*) from orders.order_transitions), 11::bigint, 'eleven allowed transitions');
select is_empty($$select from orders.order_transitions where to_state = 'draft'$$, 'nothing goes back to draft');
select is_empty($$select from orders.order_transitions t join orders.order_states s on s.state = t.from_state
  where s.state in ('completed', 'cancelled', 'rejected')$$, 'completed, cancelled and rejected are final');
select throws_ok($$insert into orders.order_transitions values ('cancelled', 'placed', 'undo')$$, '42501', null,
  'the application cannot add a transition');
select throws_ok($$delete from orders.order_states$$, '42501', null, 'the application cannot remove a state');

-- returns have the same shape: requested, then received or cancelled, both final
select results_eq($$select from_state, to_state from orders.return_transitions order by 1, 2$$,
  $$values ('requested', 'cancelled'), ('requested', 'received')$$, 'a return is received or cancelled once it is requested');
select throws_ok($$insert into orders.return_transitions values ('received', 'requested', 'again')$$, '42501', null,
  'the application cannot add a return transition');
select throws_ok($$delete from orders.return_states$$, '42501', null, 'the application cannot remove a return state');

select * from finish();
rollback;
