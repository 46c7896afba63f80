-- customer_groups: visible and writable only within the current tenant.
drop policy if exists customer_groups_select on accounts.customer_groups;
create policy customer_groups_select on accounts.customer_groups for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists customer_groups_insert on accounts.customer_groups;
create policy customer_groups_insert on accounts.customer_groups for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists customer_groups_update on accounts.customer_groups;
create policy customer_groups_update on accounts.customer_groups for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists customer_groups_delete on accounts.customer_groups;
create policy customer_groups_delete on accounts.customer_groups for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
