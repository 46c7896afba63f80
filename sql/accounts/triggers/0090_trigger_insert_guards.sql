-- What the application may not set when it inserts into the accounts tables (it was the columns left out of the
-- column-level INSERT grants, which Citus cannot honour: it sends every column to the shards). The grants
-- file grants INSERT on the whole table; app.guard_inserted_columns refuses (B1060) a value other than the
-- column's constant default and overwrites the database-drawn ones (times, ids, the acting user). Each guard
-- is its table's first BEFORE INSERT trigger (its name sorts first), so the triggers that fill a column
-- (minor_units, path) run after it. tenant_id is not listed: the INSERT policy checks it.

create or replace trigger trg_addresses_before_insert_columns
  before insert on accounts.addresses
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_buyer_roles_before_insert_columns
  before insert on accounts.buyer_roles
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_buyers_before_insert_columns
  before insert on accounts.buyers
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now', 'minor_units:null');

create or replace trigger trg_companies_before_insert_columns
  before insert on accounts.companies
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now', 'minor_units:null');

create or replace trigger trg_company_customer_groups_before_insert_columns
  before insert on accounts.company_customer_groups
  for each row execute function app.guard_inserted_columns('added_at:now');

create or replace trigger trg_customer_groups_before_insert_columns
  before insert on accounts.customer_groups
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');
