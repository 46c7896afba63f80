-- Keeps prices.updated_at current.
create or replace trigger trg_prices_before_update
  before update on catalog.prices
  for each row execute function app.set_updated_at();
