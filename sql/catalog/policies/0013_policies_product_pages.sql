-- product_pages: the product page read model, visible within the current tenant; written (as b2b_app, the
-- caller of the catalog writes) only by the page triggers (trg_product_pages_guard: B5040 otherwise).
drop policy if exists product_pages_select on catalog.product_pages;
create policy product_pages_select on catalog.product_pages for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists product_pages_insert on catalog.product_pages;
create policy product_pages_insert on catalog.product_pages for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists product_pages_update on catalog.product_pages;
create policy product_pages_update on catalog.product_pages for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists product_pages_delete on catalog.product_pages;
create policy product_pages_delete on catalog.product_pages for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
