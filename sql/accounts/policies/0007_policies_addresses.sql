-- addresses: visible and writable only within the current tenant.
drop policy if exists addresses_select on accounts.addresses;
create policy addresses_select on accounts.addresses for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists addresses_insert on accounts.addresses;
create policy addresses_insert on accounts.addresses for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists addresses_update on accounts.addresses;
create policy addresses_update on accounts.addresses for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists addresses_delete on accounts.addresses;
create policy addresses_delete on accounts.addresses for delete to b2b_app
  using (tenant_id = app.current_tenant_id());

-- The owner role (b2b_owner), for what runs as it: the support views (sql/support/views) read the current
-- tenant's rows only. Harmless as a grant: the owner could lift row-level security on its own tables anyway.
drop policy if exists addresses_select_owner on accounts.addresses;
create policy addresses_select_owner on accounts.addresses for select to b2b_owner
  using (tenant_id = app.current_tenant_id());
