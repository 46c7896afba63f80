-- Stores approval_rules.name in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_approval_rules_before_write_canonical
  before insert or update of name on orders.approval_rules
  for each row execute function app.canonicalize('name:text');
