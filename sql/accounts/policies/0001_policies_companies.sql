-- companies: visible and writable only within the current tenant.
drop policy if exists companies_select on accounts.companies;
create policy companies_select on accounts.companies for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists companies_insert on accounts.companies;
create policy companies_insert on accounts.companies for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists companies_update on accounts.companies;
create policy companies_update on accounts.companies for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists companies_delete on accounts.companies;
create policy companies_delete on accounts.companies for delete to b2b_app
  using (tenant_id = app.current_tenant_id());

-- The owner role (b2b_owner), for what runs as it: the support views (sql/support/views) read the current
-- tenant's rows only. Harmless as a grant: the owner could lift row-level security on its own tables anyway.
drop policy if exists companies_select_owner on accounts.companies;
create policy companies_select_owner on accounts.companies for select to b2b_owner
  using (tenant_id = app.current_tenant_id());
