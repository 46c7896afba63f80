-- approval_rule_tiers: within the current tenant; changed by removing and adding rows.
drop policy if exists approval_rule_tiers_select on orders.approval_rule_tiers;
create policy approval_rule_tiers_select on orders.approval_rule_tiers for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists approval_rule_tiers_insert on orders.approval_rule_tiers;
create policy approval_rule_tiers_insert on orders.approval_rule_tiers for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists approval_rule_tiers_delete on orders.approval_rule_tiers;
create policy approval_rule_tiers_delete on orders.approval_rule_tiers for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
