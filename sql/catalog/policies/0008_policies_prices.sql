-- prices: visible and writable only within the current tenant.
drop policy if exists prices_select on catalog.prices;
create policy prices_select on catalog.prices for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists prices_insert on catalog.prices;
create policy prices_insert on catalog.prices for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists prices_update on catalog.prices;
create policy prices_update on catalog.prices for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists prices_delete on catalog.prices;
create policy prices_delete on catalog.prices for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
