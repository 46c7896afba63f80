-- check_credit_limit, the credit exposure trigger (orders.apply_credit_exposure) and its reference view
-- (orders.credit_exposure_sources) write the open states out. This pins that list to the reference table: a state that becomes open or closed in
-- orders.order_states must be changed there too.
begin;
select plan(4);

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
select matches(
  pg_get_functiondef('orders.apply_credit_exposure()'::regprocedure),
  $re$old\.state in \('pending_approval', 'placed', 'partially_fulfilled'\).*new\.state in \('pending_approval', 'placed', 'partially_fulfilled'\)$re$,
  'the credit exposure trigger counts orders in exactly those states, before and after a change'
);

select matches(
  pg_get_viewdef('orders.credit_exposure_sources'::regclass),
  $re$o\.state = ANY \(ARRAY\['pending_approval'::text, 'placed'::text, 'partially_fulfilled'::text\]\)$re$,
  'the sums the exposure is checked against count orders in exactly those states'
);

select * from finish();
rollback;
