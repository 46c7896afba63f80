-- The order state machine: a new order is draft and every state change must be an allowed transition.
create or replace trigger trg_orders_before_insert_or_update_state
  before insert or update of state on orders.orders
  for each row execute function orders.check_order_transition();

-- Every state change (and the creation) is recorded in orders.order_state_history.
create or replace trigger trg_orders_after_insert
  after insert on orders.orders
  for each row execute function orders.record_order_transition();

create or replace trigger trg_orders_after_update_state
  after update of state on orders.orders
  for each row when (old.state is distinct from new.state)
  execute function orders.record_order_transition();

-- Leaving a stock-holding state for cancelled or rejected needs the stock released by commit
-- (orders.check_order_stock_released, B3016). Deferred: cancel_order / reject_order release after the
-- move. A constraint trigger cannot be created "or replace", hence drop + create.
drop trigger if exists trg_orders_after_update_state_check_stock_released on orders.orders;
create constraint trigger trg_orders_after_update_state_check_stock_released
  after update of state on orders.orders
  deferrable initially deferred
  for each row
  when (old.state in ('pending_approval', 'placed') and new.state in ('cancelled', 'rejected'))
  execute function orders.check_order_stock_released();
