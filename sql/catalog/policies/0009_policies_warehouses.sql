-- warehouses: visible and writable only within the current tenant.
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
drop policy if exists warehouses_select on catalog.warehouses;
create policy warehouses_select on catalog.warehouses for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists warehouses_insert on catalog.warehouses;
create policy warehouses_insert on catalog.warehouses for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists warehouses_update on catalog.warehouses;
create policy warehouses_update on catalog.warehouses for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists warehouses_delete on catalog.warehouses;
create policy warehouses_delete on catalog.warehouses for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
