-- stock_movements: the stock journal, appended (by the stock_levels triggers) and read within the
-- b2b_owner: the security definer stock writers (orders.reserve_stock, release_stock, consume_stock) run as
-- it; row-level security is forced, so they too see and write only the current tenant's rows.
-- current tenant; append-only (no update or delete policy, grant or way: trg_stock_movements_*).
drop policy if exists stock_movements_select on catalog.stock_movements;
create policy stock_movements_select on catalog.stock_movements for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists stock_movements_insert on catalog.stock_movements;
create policy stock_movements_insert on catalog.stock_movements for insert to b2b_app, b2b_owner
  with check (tenant_id = app.current_tenant_id());
