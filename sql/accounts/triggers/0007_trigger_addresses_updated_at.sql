-- Keeps addresses.updated_at current.
create or replace trigger trg_addresses_before_update
  before update on accounts.addresses
  for each row execute function app.set_updated_at();
