-- A tenant sees and edits only its own row; creating and closing tenants is a platform operation.
drop policy if exists tenants_select on tenancy.tenants;
create policy tenants_select on tenancy.tenants for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists tenants_update on tenancy.tenants;
create policy tenants_update on tenancy.tenants for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
