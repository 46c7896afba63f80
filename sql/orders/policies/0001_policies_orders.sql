-- orders: visible, added and changed only within the current tenant (never deleted: cancelled instead).
drop policy if exists orders_select on orders.orders;
create policy orders_select on orders.orders for select to b2b_app, b2b_readonly
  using (tenant_id = (select app.current_tenant_id()));

drop policy if exists orders_insert on orders.orders;
create policy orders_insert on orders.orders for insert to b2b_app
  with check (tenant_id = (select app.current_tenant_id()));

drop policy if exists orders_update on orders.orders;
create policy orders_update on orders.orders for update to b2b_app
  using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));
