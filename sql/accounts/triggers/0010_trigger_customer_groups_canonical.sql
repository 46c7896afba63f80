-- Stores customer_groups.name in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_customer_groups_before_write_canonical
  before insert or update of name on accounts.customer_groups
  for each row execute function app.canonicalize('name:text');
