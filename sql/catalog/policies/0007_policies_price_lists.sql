-- price_lists: visible and writable only within the current tenant.
drop policy if exists price_lists_select on catalog.price_lists;
create policy price_lists_select on catalog.price_lists for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists price_lists_insert on catalog.price_lists;
create policy price_lists_insert on catalog.price_lists for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists price_lists_update on catalog.price_lists;
create policy price_lists_update on catalog.price_lists for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists price_lists_delete on catalog.price_lists;
create policy price_lists_delete on catalog.price_lists for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
