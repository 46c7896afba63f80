-- Stores buyer_roles.name in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_buyer_roles_before_write_canonical
  before insert or update of name on accounts.buyer_roles
  for each row execute function app.canonicalize('name:text');
