-- Stores tenants.slug in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_tenants_before_write_canonical
  before insert or update of slug on tenancy.tenants
  for each row execute function app.canonicalize('slug:key');
