-- products: visible, added and changed only within the current tenant (never deleted: archived, to keep history).
drop policy if exists products_select on catalog.products;
create policy products_select on catalog.products for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists products_insert on catalog.products;
create policy products_insert on catalog.products for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists products_update on catalog.products;
create policy products_update on catalog.products for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
