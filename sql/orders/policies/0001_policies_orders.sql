-- orders: visible, added and changed only within the current tenant (never deleted: cancelled instead).
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
drop policy if exists orders_select on orders.orders;
create policy orders_select on orders.orders for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists orders_insert on orders.orders;
create policy orders_insert on orders.orders for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists orders_update on orders.orders;
create policy orders_update on orders.orders for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
