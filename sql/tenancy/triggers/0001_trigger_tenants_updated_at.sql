-- Keeps tenants.updated_at current.
create or replace trigger trg_tenants_before_update
  before update on tenancy.tenants
  for each row execute function app.set_updated_at();
