-- Before (not after) the delete: the foreign key's own check is an AFTER trigger that would fire first.
create or replace trigger trg_staff_users_before_delete_clear_granted_by
  before delete on tenancy.staff_users
  for each row execute function tenancy.clear_granted_by();
