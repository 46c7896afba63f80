-- What the application may not set when it inserts into the tenancy tables (it was the columns left out of the
-- column-level INSERT grants, which Citus cannot honour: it sends every column to the shards). The grants
-- file grants INSERT on the whole table; app.guard_inserted_columns refuses (B1060) a value other than the
-- column's constant default and overwrites the database-drawn ones (times, ids, the acting user). Each guard
-- is its table's first BEFORE INSERT trigger (its name sorts first), so the triggers that fill a column
-- (minor_units, path) run after it. tenant_id is not listed: the INSERT policy checks it.

create or replace trigger trg_memberships_before_insert_columns
  before insert on tenancy.memberships
  for each row execute function app.guard_inserted_columns('granted_at:now');

create or replace trigger trg_staff_users_before_insert_columns
  before insert on tenancy.staff_users
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');
