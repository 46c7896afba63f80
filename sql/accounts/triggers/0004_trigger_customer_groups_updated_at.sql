-- Keeps customer_groups.updated_at current.
create or replace trigger trg_customer_groups_before_update
  before update on accounts.customer_groups
  for each row execute function app.set_updated_at();
