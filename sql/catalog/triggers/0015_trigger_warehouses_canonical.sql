-- Stores warehouses.code in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_warehouses_before_write_canonical
  before insert or update of code on catalog.warehouses
  for each row execute function app.canonicalize('code:code');
