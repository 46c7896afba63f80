-- order_allocations: within the current tenant; kept after release (reserved_quantity 0), never deleted.
drop policy if exists order_allocations_select on orders.order_allocations;
create policy order_allocations_select on orders.order_allocations for select to b2b_app, b2b_readonly
  using (tenant_id = (select app.current_tenant_id()));

drop policy if exists order_allocations_insert on orders.order_allocations;
create policy order_allocations_insert on orders.order_allocations for insert to b2b_app
  with check (tenant_id = (select app.current_tenant_id()));

drop policy if exists order_allocations_update on orders.order_allocations;
create policy order_allocations_update on orders.order_allocations for update to b2b_app
  using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));
