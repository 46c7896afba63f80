-- buyer_role_permissions: visible, added and removed only within the current tenant (never updated: remove and add again).
drop policy if exists buyer_role_permissions_select on accounts.buyer_role_permissions;
create policy buyer_role_permissions_select on accounts.buyer_role_permissions for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists buyer_role_permissions_insert on accounts.buyer_role_permissions;
create policy buyer_role_permissions_insert on accounts.buyer_role_permissions for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyer_role_permissions_delete on accounts.buyer_role_permissions;
create policy buyer_role_permissions_delete on accounts.buyer_role_permissions for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
