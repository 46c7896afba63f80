-- invoices: issued (by fulfil_order) and read within the current tenant; append-only.
drop policy if exists invoices_select on orders.invoices;
create policy invoices_select on orders.invoices for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists invoices_insert on orders.invoices;
create policy invoices_insert on orders.invoices for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());
