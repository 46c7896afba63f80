-- check_credit_limit writes the open states out (so that they are part of the index condition and a
-- placement reads the company's open orders only, not its history). This pins that list to the
-- reference table: a state that becomes open or closed in orders.order_states must be changed there too.
begin;
select plan(2);

select is(
  (select array_agg(state order by state) from orders.order_states where is_open),
  array['partially_fulfilled', 'pending_approval', 'placed'],
  'the open states of orders.order_states are the three that check_credit_limit counts'
);
select matches(
  pg_get_functiondef('orders.check_credit_limit(uuid, orders.orders)'::regprocedure),
  $re$o\.state in \('pending_approval', 'placed', 'partially_fulfilled'\)$re$,
  'check_credit_limit counts orders in exactly those states'
);

select * from finish();
rollback;
