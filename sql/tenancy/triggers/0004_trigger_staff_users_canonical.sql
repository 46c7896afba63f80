-- Stores staff_users.email in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_staff_users_before_write_canonical
  before insert or update of email on tenancy.staff_users
  for each row execute function app.canonicalize('email:key');
