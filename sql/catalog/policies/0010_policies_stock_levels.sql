-- stock_levels: visible and writable only within the current tenant.
drop policy if exists stock_levels_select on catalog.stock_levels;
create policy stock_levels_select on catalog.stock_levels for select to b2b_app, b2b_readonly
  using (tenant_id = (select app.current_tenant_id()));

drop policy if exists stock_levels_insert on catalog.stock_levels;
create policy stock_levels_insert on catalog.stock_levels for insert to b2b_app
  with check (tenant_id = (select app.current_tenant_id()));

drop policy if exists stock_levels_update on catalog.stock_levels;
create policy stock_levels_update on catalog.stock_levels for update to b2b_app
  using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));

drop policy if exists stock_levels_delete on catalog.stock_levels;
create policy stock_levels_delete on catalog.stock_levels for delete to b2b_app
  using (tenant_id = (select app.current_tenant_id()));
