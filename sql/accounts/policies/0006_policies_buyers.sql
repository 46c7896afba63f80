-- buyers: visible and writable only within the current tenant.
drop policy if exists buyers_select on accounts.buyers;
create policy buyers_select on accounts.buyers for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists buyers_insert on accounts.buyers;
create policy buyers_insert on accounts.buyers for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyers_update on accounts.buyers;
create policy buyers_update on accounts.buyers for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyers_delete on accounts.buyers;
create policy buyers_delete on accounts.buyers for delete to b2b_app
  using (tenant_id = app.current_tenant_id());

-- The owner role (b2b_owner), for what runs as it: the support views (sql/support/views) read the current
-- tenant's rows only. Harmless as a grant: the owner could lift row-level security on its own tables anyway.
drop policy if exists buyers_select_owner on accounts.buyers;
create policy buyers_select_owner on accounts.buyers for select to b2b_owner
  using (tenant_id = app.current_tenant_id());

-- accounts.erase_buyer (security definer, owner b2b_owner) pseudonymizes the tenant's buyer.
drop policy if exists buyers_update_owner on accounts.buyers;
create policy buyers_update_owner on accounts.buyers for update to b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
