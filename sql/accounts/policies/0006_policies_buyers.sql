-- buyers: visible and writable only within the current tenant.
drop policy if exists buyers_select on accounts.buyers;
create policy buyers_select on accounts.buyers for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists buyers_insert on accounts.buyers;
create policy buyers_insert on accounts.buyers for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyers_update on accounts.buyers;
create policy buyers_update on accounts.buyers for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

drop policy if exists buyers_delete on accounts.buyers;
create policy buyers_delete on accounts.buyers for delete to b2b_app
  using (tenant_id = app.current_tenant_id());
