-- Keeps warehouses.updated_at current.
create or replace trigger trg_warehouses_before_update
  before update on catalog.warehouses
  for each row execute function app.set_updated_at();
