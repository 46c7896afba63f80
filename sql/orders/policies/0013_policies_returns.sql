-- returns: within the current tenant; received or cancelled through the return functions.
drop policy if exists returns_select on orders.returns;
create policy returns_select on orders.returns for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists returns_insert on orders.returns;
create policy returns_insert on orders.returns for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists returns_update on orders.returns;
create policy returns_update on orders.returns for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

-- The owner role (b2b_owner), for accounts.erase_buyer (security definer), which pseudonymizes a buyer's
-- words here: the current tenant's rows only. Harmless as a grant: the owner could lift row-level security
-- on its own tables anyway.
drop policy if exists returns_select_owner on orders.returns;
create policy returns_select_owner on orders.returns for select to b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists returns_update_owner on orders.returns;
create policy returns_update_owner on orders.returns for update to b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
