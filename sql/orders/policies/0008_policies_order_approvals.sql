-- order_approvals: decisions, within the current tenant; never changed or removed.
drop policy if exists order_approvals_select on orders.order_approvals;
create policy order_approvals_select on orders.order_approvals for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_approvals_insert on orders.order_approvals;
create policy order_approvals_insert on orders.order_approvals for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

-- The owner role (b2b_owner), for accounts.erase_buyer (security definer), which pseudonymizes a buyer's
-- words here: the current tenant's rows only. Harmless as a grant: the owner could lift row-level security
-- on its own tables anyway.
drop policy if exists order_approvals_select_owner on orders.order_approvals;
create policy order_approvals_select_owner on orders.order_approvals for select to b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists order_approvals_update_owner on orders.order_approvals;
create policy order_approvals_update_owner on orders.order_approvals for update to b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
