-- variants: visible, added and changed only within the current tenant (never deleted: archived, to keep history).
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
drop policy if exists variants_select on catalog.variants;
create policy variants_select on catalog.variants for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists variants_insert on catalog.variants;
create policy variants_insert on catalog.variants for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists variants_update on catalog.variants;
create policy variants_update on catalog.variants for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
