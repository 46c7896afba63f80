-- Trigger function: the order state machine. An order is created as draft and then moves only along
-- orders.order_transitions; anything else is refused with SQLSTATE B3001, naming both states, whoever
-- writes (an order function, an admin script or a direct update by the application). The trigger fires
-- only when an update sets state, and setting it to the state it already has is not a move either (so
-- cancelling a cancelled order is refused, not silently repeated).
--
-- A listed move may also need its precondition, checked here whatever path made the move (approve_order
-- or a direct update by the application): pending_approval -> placed only when every approval tier of
-- the order (orders.order_approval_steps) has an approving decision (orders.order_approvals), B3016
-- otherwise. (Leaving a stock-holding state for cancelled or rejected needs the stock released first:
-- orders.check_order_stock_released, a deferred constraint trigger, since cancel_order and reject_order
-- move the state before release_stock, which releases only for a cancelled or rejected order.)
create or replace function orders.check_order_transition() returns trigger
language plpgsql
as $$
declare
  missing_tiers text;
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
    select 1 from orders.order_transitions t where t.from_state = old.state and t.to_state = new.state
  ) then
    raise exception using
      errcode = 'B3001',
      message = format('order %s cannot move from %s to %s', old.order_id, old.state, new.state),
      table = tg_table_name,
      schema = tg_table_schema;
  elsif old.state = 'pending_approval' and new.state = 'placed' then
    -- one index range read per table (the primary keys start with tenant_id, order_id), only on this move
    select string_agg(distinct s.tier::text, ', ' order by s.tier::text) into missing_tiers
    from orders.order_approval_steps s
    where s.tenant_id = new.tenant_id and s.order_id = new.order_id
      and not exists (
        select 1 from orders.order_approvals a
        where a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier
          and a.decision = 'approved');
    if missing_tiers is not null then
      raise exception using
        errcode = 'B3016',
        message = format('order %s cannot move from pending_approval to placed: approval tier(s) %s not approved',
          new.order_id, missing_tiers),
        table = tg_table_name,
        schema = tg_table_schema;
    end if;
  end if;
  return new;
end
$$;
comment on function orders.check_order_transition() is
  'Trigger function on orders.orders: a new order is draft, and a state change must be listed in orders.order_transitions (SQLSTATE B3001 otherwise); pending_approval -> placed also needs every approval tier approved (SQLSTATE B3016 otherwise).';
