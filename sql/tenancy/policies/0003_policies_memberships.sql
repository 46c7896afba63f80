-- memberships: visible, granted and revoked only within the current tenant (never updated by the
-- application: revoke and grant again).
-- b2b_owner: tenancy.clear_granted_by (security definer, before a staff user is deleted) runs as it and
-- clears granted_by; row-level security is forced, so it too sees and changes only the current tenant's rows.
drop policy if exists memberships_select on tenancy.memberships;
create policy memberships_select on tenancy.memberships for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists memberships_insert on tenancy.memberships;
create policy memberships_insert on tenancy.memberships for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists memberships_update on tenancy.memberships;
create policy memberships_update on tenancy.memberships for update to b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists memberships_delete on tenancy.memberships;
create policy memberships_delete on tenancy.memberships for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
