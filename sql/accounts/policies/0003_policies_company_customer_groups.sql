-- company_customer_groups: visible, added and removed only within the current tenant (never updated: remove and add again).
drop policy if exists company_customer_groups_select on accounts.company_customer_groups;
create policy company_customer_groups_select on accounts.company_customer_groups for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists company_customer_groups_insert on accounts.company_customer_groups;
create policy company_customer_groups_insert on accounts.company_customer_groups for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists company_customer_groups_delete on accounts.company_customer_groups;
create policy company_customer_groups_delete on accounts.company_customer_groups for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
