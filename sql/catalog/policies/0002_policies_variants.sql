-- variants: visible, added and changed only within the current tenant (never deleted: archived, to keep history).
drop policy if exists variants_select on catalog.variants;
create policy variants_select on catalog.variants for select to b2b_app, b2b_readonly
  using (tenant_id = (select app.current_tenant_id()));

drop policy if exists variants_insert on catalog.variants;
create policy variants_insert on catalog.variants for insert to b2b_app
  with check (tenant_id = (select app.current_tenant_id()));

drop policy if exists variants_update on catalog.variants;
create policy variants_update on catalog.variants for update to b2b_app
  using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));
