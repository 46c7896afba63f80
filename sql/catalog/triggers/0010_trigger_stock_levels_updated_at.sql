-- Keeps stock_levels.updated_at current.
create or replace trigger trg_stock_levels_before_update
  before update on catalog.stock_levels
  for each row execute function app.set_updated_at();
