-- Trigger function: one history row per state change (and one for the creation), so "who moved this
-- order, when, from what" is answered by the database whichever code path made the change.
create or replace function orders.record_order_transition() returns trigger
language plpgsql
as $$
begin
  -- tenant_id comes from the tenant context (its default), like every insert by the application role
  insert into orders.order_state_history (order_id, from_state, to_state, changed_by)
  values (new.order_id, case when tg_op = 'UPDATE' then old.state end, new.state,
    app.current_user_id());
  return null;
end
$$;
comment on function orders.record_order_transition() is
  'Trigger function on orders.orders (after insert, and after update of state when it changed): appends to orders.order_state_history with the acting user from app.current_user_id().';
