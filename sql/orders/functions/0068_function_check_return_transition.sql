-- Trigger function: the return state machine, like the order and quote ones. A return is created as
-- requested and moves only along orders.return_transitions (SQLSTATE B3001 otherwise, naming both states),
-- whoever writes: a return function, an admin script or a direct update by the application.
create or replace function orders.check_return_transition() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    if new.state <> 'requested' then
      raise exception using
        errcode = 'B3001',
        message = format('a return is created as requested, not %s', new.state),
        table = tg_table_name,
        schema = tg_table_schema;
    end if;
  elsif not exists (
    select 1 from orders.return_transitions t where t.from_state = old.state and t.to_state = new.state
  ) then
    raise exception using
      errcode = 'B3001',
      message = format('return %s cannot move from %s to %s', old.return_id, old.state, new.state),
      table = tg_table_name,
      schema = tg_table_schema;
  end if;
  return new;
end
$$;
comment on function orders.check_return_transition() is
  'Trigger function on orders.returns: a new return is requested, and a state change must be listed in orders.return_transitions (SQLSTATE B3001 otherwise).';
