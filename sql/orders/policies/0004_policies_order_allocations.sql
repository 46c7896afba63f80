-- order_allocations: within the current tenant; kept after release (reserved_quantity 0), never deleted.
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
drop policy if exists order_allocations_select on orders.order_allocations;
create policy order_allocations_select on orders.order_allocations for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_allocations_insert on orders.order_allocations;
create policy order_allocations_insert on orders.order_allocations for insert to b2b_app, b2b_owner
  with check (tenant_id = app.current_tenant_id());

drop policy if exists order_allocations_update on orders.order_allocations;
create policy order_allocations_update on orders.order_allocations for update to b2b_app, b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
