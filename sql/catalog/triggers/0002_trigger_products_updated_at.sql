-- Keeps products.updated_at current.
create or replace trigger trg_products_before_update
  before update on catalog.products
  for each row execute function app.set_updated_at();
