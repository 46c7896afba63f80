-- categories: visible and writable only within the current tenant.
drop policy if exists categories_select on catalog.categories;
create policy categories_select on catalog.categories for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists categories_insert on catalog.categories;
create policy categories_insert on catalog.categories for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists categories_update on catalog.categories;
create policy categories_update on catalog.categories for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists categories_delete on catalog.categories;
create policy categories_delete on catalog.categories for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
