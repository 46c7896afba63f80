-- order_approvals: decisions, within the current tenant; never changed or removed.
drop policy if exists order_approvals_select on orders.order_approvals;
create policy order_approvals_select on orders.order_approvals for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_approvals_insert on orders.order_approvals;
create policy order_approvals_insert on orders.order_approvals for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());
