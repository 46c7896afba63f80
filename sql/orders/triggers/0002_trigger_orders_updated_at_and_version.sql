-- Keeps orders.updated_at current and moves the optimistic-locking version on every update.
create or replace trigger trg_orders_before_update
  before update on orders.orders
  for each row execute function app.set_updated_at();

create or replace trigger trg_orders_before_update_version
  before update on orders.orders
  for each row execute function orders.bump_version();
