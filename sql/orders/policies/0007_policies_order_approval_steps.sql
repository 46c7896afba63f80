-- order_approval_steps: written once at submission, within the current tenant; never changed.
drop policy if exists order_approval_steps_select on orders.order_approval_steps;
create policy order_approval_steps_select on orders.order_approval_steps for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_approval_steps_insert on orders.order_approval_steps;
create policy order_approval_steps_insert on orders.order_approval_steps for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());
