-- buyer_roles: visible and writable only within the current tenant.
drop policy if exists buyer_roles_select on accounts.buyer_roles;
create policy buyer_roles_select on accounts.buyer_roles for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists buyer_roles_insert on accounts.buyer_roles;
create policy buyer_roles_insert on accounts.buyer_roles for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyer_roles_update on accounts.buyer_roles;
create policy buyer_roles_update on accounts.buyer_roles for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyer_roles_delete on accounts.buyer_roles;
create policy buyer_roles_delete on accounts.buyer_roles for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
