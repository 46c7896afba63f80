-- staff_users: visible and writable only within the current tenant.
drop policy if exists staff_users_select on tenancy.staff_users;
create policy staff_users_select on tenancy.staff_users for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists staff_users_insert on tenancy.staff_users;
create policy staff_users_insert on tenancy.staff_users for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists staff_users_update on tenancy.staff_users;
create policy staff_users_update on tenancy.staff_users for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists staff_users_delete on tenancy.staff_users;
create policy staff_users_delete on tenancy.staff_users for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
