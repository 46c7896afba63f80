-- Trigger function: one history row per state change (and one for the creation), so "who moved this
-- order, when, from what" is answered by the database whichever code path made the change.
create or replace function orders.record_order_transition() returns trigger
language plpgsql
as $$
declare
  next_number integer;
begin
  -- tenant_id is the order's (the same shard on Citus), never another tenant's: row-level security
  -- refuses any other. transition_number counts the order's changes: the order's row is locked by the change being recorded
  -- (or new), so no other transaction numbers a change of this order until this one ends. Read first, then
  -- inserted as values: Citus refuses a subquery inside INSERT ... VALUES.
  select coalesce(max(h.transition_number), 0) + 1 into next_number
  from orders.order_state_history h
  where h.tenant_id = new.tenant_id and h.order_id = new.order_id;
  insert into orders.order_state_history (tenant_id, order_id, transition_number, from_state, to_state, changed_by)
  values (new.tenant_id, new.order_id, next_number, case when tg_op = 'UPDATE' then old.state end, new.state,
    app.current_user_id());
  return null;
end
$$;
comment on function orders.record_order_transition() is
  'Trigger function on orders.orders (after insert, and after update of state when it changed): appends to orders.order_state_history with the acting user from app.current_user_id() and the next transition_number of the order.';
