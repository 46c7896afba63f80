-- stock_levels: visible and writable only within the current tenant.
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
drop policy if exists stock_levels_select on catalog.stock_levels;
create policy stock_levels_select on catalog.stock_levels for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists stock_levels_insert on catalog.stock_levels;
create policy stock_levels_insert on catalog.stock_levels for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists stock_levels_update on catalog.stock_levels;
create policy stock_levels_update on catalog.stock_levels for update to b2b_app, b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists stock_levels_delete on catalog.stock_levels;
create policy stock_levels_delete on catalog.stock_levels for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
