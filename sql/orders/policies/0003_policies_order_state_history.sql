-- order_state_history: read and appended (by trigger, as the caller) within the current tenant; append-only.
drop policy if exists order_state_history_select on orders.order_state_history;
create policy order_state_history_select on orders.order_state_history for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_state_history_insert on orders.order_state_history;
create policy order_state_history_insert on orders.order_state_history for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());
