-- Keeps approval_rules.updated_at current.
create or replace trigger trg_approval_rules_before_update
  before update on orders.approval_rules
  for each row execute function app.set_updated_at();
