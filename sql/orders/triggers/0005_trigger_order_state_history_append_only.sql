-- The state history is append-only.
create or replace trigger trg_order_state_history_before_update_or_delete
  before update or delete on orders.order_state_history
  for each row execute function orders.refuse_change();
