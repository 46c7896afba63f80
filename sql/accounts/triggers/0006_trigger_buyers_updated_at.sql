-- Keeps buyers.updated_at current.
create or replace trigger trg_buyers_before_update
  before update on accounts.buyers
  for each row execute function app.set_updated_at();
