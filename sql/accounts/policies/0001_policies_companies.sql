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
