-- quotes: within the current tenant; never deleted (withdrawn, declined or expired instead).
drop policy if exists quotes_select on orders.quotes;
create policy quotes_select on orders.quotes for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists quotes_insert on orders.quotes;
create policy quotes_insert on orders.quotes for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists quotes_update on orders.quotes;
create policy quotes_update on orders.quotes for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
