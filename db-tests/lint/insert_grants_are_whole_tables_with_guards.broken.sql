-- A column-level INSERT grant; a guard under another name (firing after the canonical trigger); a
-- constant rule that is not the column's default; a table whose timestamps lost their guard.
-- expect: accounts.companies: INSERT (legal_name) to b2b_app
-- expect: accounts.buyer_roles: guard trg_buyer_roles_guard is not named trg_buyer_roles_before_insert_columns
-- expect: accounts.buyer_roles: guard trg_buyer_roles_guard fires after trg_buyer_roles_before_write_canonical
-- expect: orders.orders guard rule version:2 does not fit the default 1
-- expect: accounts.addresses: created_at (default now()) is not guarded on insert
grant insert (legal_name) on accounts.companies to b2b_app;
drop trigger trg_buyer_roles_before_insert_columns on accounts.buyer_roles;
create trigger trg_buyer_roles_guard before insert on accounts.buyer_roles
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');
create or replace trigger trg_orders_before_insert_columns before insert on orders.orders
  for each row execute function app.guard_inserted_columns('version:2', 'created_at:now', 'updated_at:now');
drop trigger trg_addresses_before_insert_columns on accounts.addresses;
