-- Keeps staff_users.updated_at current.
create or replace trigger trg_staff_users_before_update
  before update on tenancy.staff_users
  for each row execute function app.set_updated_at();
