-- return_lines: within the current tenant; written once with their return.
drop policy if exists return_lines_select on orders.return_lines;
create policy return_lines_select on orders.return_lines for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists return_lines_insert on orders.return_lines;
create policy return_lines_insert on orders.return_lines for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());
