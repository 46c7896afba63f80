-- category_translations: visible and writable only within the current tenant.
drop policy if exists category_translations_select on catalog.category_translations;
create policy category_translations_select on catalog.category_translations for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists category_translations_insert on catalog.category_translations;
create policy category_translations_insert on catalog.category_translations for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists category_translations_update on catalog.category_translations;
create policy category_translations_update on catalog.category_translations for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists category_translations_delete on catalog.category_translations;
create policy category_translations_delete on catalog.category_translations for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
