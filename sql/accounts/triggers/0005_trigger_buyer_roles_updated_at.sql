-- Keeps buyer_roles.updated_at current.
create or replace trigger trg_buyer_roles_before_update
  before update on accounts.buyer_roles
  for each row execute function app.set_updated_at();
