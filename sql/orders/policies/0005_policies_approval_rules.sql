-- approval_rules: managed by the tenant (its staff, for its companies) within the current tenant.
drop policy if exists approval_rules_select on orders.approval_rules;
create policy approval_rules_select on orders.approval_rules for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists approval_rules_insert on orders.approval_rules;
create policy approval_rules_insert on orders.approval_rules for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists approval_rules_update on orders.approval_rules;
create policy approval_rules_update on orders.approval_rules for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists approval_rules_delete on orders.approval_rules;
create policy approval_rules_delete on orders.approval_rules for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
