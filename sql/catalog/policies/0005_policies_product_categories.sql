-- product_categories: visible, added and removed only within the current tenant (never updated: remove and add again).
drop policy if exists product_categories_select on catalog.product_categories;
create policy product_categories_select on catalog.product_categories for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists product_categories_insert on catalog.product_categories;
create policy product_categories_insert on catalog.product_categories for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists product_categories_delete on catalog.product_categories;
create policy product_categories_delete on catalog.product_categories for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
