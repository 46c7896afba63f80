-- product_translations: visible and writable only within the current tenant.
drop policy if exists product_translations_select on catalog.product_translations;
create policy product_translations_select on catalog.product_translations for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists product_translations_insert on catalog.product_translations;
create policy product_translations_insert on catalog.product_translations for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists product_translations_update on catalog.product_translations;
create policy product_translations_update on catalog.product_translations for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists product_translations_delete on catalog.product_translations;
create policy product_translations_delete on catalog.product_translations for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
