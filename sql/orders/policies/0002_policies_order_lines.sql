-- order_lines: within the current tenant; deleted only while their order is a draft (trigger).
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
drop policy if exists order_lines_select on orders.order_lines;
create policy order_lines_select on orders.order_lines for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_lines_insert on orders.order_lines;
create policy order_lines_insert on orders.order_lines for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists order_lines_update on orders.order_lines;
create policy order_lines_update on orders.order_lines for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists order_lines_delete on orders.order_lines;
create policy order_lines_delete on orders.order_lines for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
