-- Keeps order_allocations.updated_at current.
create or replace trigger trg_order_allocations_before_update
  before update on orders.order_allocations
  for each row execute function app.set_updated_at();
