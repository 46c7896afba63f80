-- attribute_definitions: visible and writable only within the current tenant.
drop policy if exists attribute_definitions_select on catalog.attribute_definitions;
create policy attribute_definitions_select on catalog.attribute_definitions for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists attribute_definitions_insert on catalog.attribute_definitions;
create policy attribute_definitions_insert on catalog.attribute_definitions for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists attribute_definitions_update on catalog.attribute_definitions;
create policy attribute_definitions_update on catalog.attribute_definitions for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists attribute_definitions_delete on catalog.attribute_definitions;
create policy attribute_definitions_delete on catalog.attribute_definitions for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
