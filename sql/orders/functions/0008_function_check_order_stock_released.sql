-- Constraint trigger function (deferred, at commit): an order that left a stock-holding state
-- (pending_approval, placed) for cancelled or rejected holds no reserved units any more, whoever made
-- the move. cancel_order and reject_order move the state and then call release_stock in the same
-- transaction (release_stock releases only for a cancelled or rejected order, so it cannot run first);
-- a direct update of the state by the application, without the release, is refused at commit with
-- SQLSTATE B3016 instead of leaving the units counted in catalog.stock_levels.reserved forever.
-- One index range read (pk_order_allocations starts with tenant_id, order_id), only on these moves
-- (the trigger's when clause).
create or replace function orders.check_order_stock_released() returns trigger
language plpgsql
as $$
declare
  still_reserved numeric;
begin
  select sum(a.reserved_quantity) into still_reserved
  from orders.order_allocations a
  where a.tenant_id = new.tenant_id and a.order_id = new.order_id and a.reserved_quantity > 0;
  if still_reserved is not null then
    raise exception using
      errcode = 'B3016',
      message = format('order %s cannot move from %s to %s: it still holds %s reserved unit(s); release its stock (cancel_order, reject_order)',
        new.order_id, old.state, new.state, still_reserved),
      table = tg_table_name,
      schema = tg_table_schema;
  end if;
  return null;
end
$$;
comment on function orders.check_order_stock_released() is
  'Constraint trigger function on orders.orders (deferred): an order moved from pending_approval or placed to cancelled or rejected must hold no reserved units by commit (SQLSTATE B3016 otherwise).';
