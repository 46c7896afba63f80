-- memberships: visible, granted and revoked only within the current tenant (never updated: revoke and grant again).
drop policy if exists memberships_select on tenancy.memberships;
create policy memberships_select on tenancy.memberships for select to b2b_app, b2b_readonly
  using (tenant_id = (select app.current_tenant_id()));

drop policy if exists memberships_insert on tenancy.memberships;
create policy memberships_insert on tenancy.memberships for insert to b2b_app
  with check (tenant_id = (select app.current_tenant_id()));

drop policy if exists memberships_delete on tenancy.memberships;
create policy memberships_delete on tenancy.memberships for delete to b2b_app
  using (tenant_id = (select app.current_tenant_id()));
