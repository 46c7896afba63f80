-- Trigger function: the quote state machine, like the order one. A quote is created as requested and
-- moves only along orders.quote_transitions (SQLSTATE B3001 otherwise, naming both states).
create or replace function orders.check_quote_transition() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    if new.state <> 'requested' then
      raise exception using
        errcode = 'B3001',
        message = format('a quote is created as requested, not %s', new.state),
        table = tg_table_name,
        schema = tg_table_schema;
    end if;
  elsif not exists (
    select 1 from orders.quote_transitions t where t.from_state = old.state and t.to_state = new.state
  ) then
    raise exception using
      errcode = 'B3001',
      message = format('quote %s cannot move from %s to %s', old.quote_id, old.state, new.state),
      table = tg_table_name,
      schema = tg_table_schema;
  end if;
  return new;
end
$$;
comment on function orders.check_quote_transition() is
  'Trigger function on orders.quotes: a new quote is requested, and a state change must be listed in orders.quote_transitions (SQLSTATE B3001 otherwise).';
