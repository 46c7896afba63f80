-- Trigger function: the order state machine. An order is created as draft and then moves only along
-- orders.order_transitions; anything else is refused with SQLSTATE B3001, naming both states, whoever
-- writes (an order function, an admin script or a direct update by the application). The trigger fires
-- only when an update sets state, and setting it to the state it already has is not a move either (so
-- cancelling a cancelled order is refused, not silently repeated).
create or replace function orders.check_order_transition() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    if new.state <> 'draft' then
      raise exception using
        errcode = 'B3001',
        message = format('an order is created as draft, not %s', new.state),
        table = tg_table_name,
        schema = tg_table_schema;
    end if;
  elsif not exists (
    select from orders.order_transitions t where t.from_state = old.state and t.to_state = new.state
  ) then
    raise exception using
      errcode = 'B3001',
      message = format('order %s cannot move from %s to %s', old.order_id, old.state, new.state),
      table = tg_table_name,
      schema = tg_table_schema;
  end if;
  return new;
end
$$;
comment on function orders.check_order_transition() is
  'Trigger function on orders.orders: a new order is draft, and a state change must be listed in orders.order_transitions (SQLSTATE B3001 otherwise).';
