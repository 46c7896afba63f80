-- Keeps price_lists.updated_at current.
create or replace trigger trg_price_lists_before_update
  before update on catalog.price_lists
  for each row execute function app.set_updated_at();
