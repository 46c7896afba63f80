-- quote_lines: within the current tenant; priced by stage_quote.
drop policy if exists quote_lines_select on orders.quote_lines;
create policy quote_lines_select on orders.quote_lines for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists quote_lines_insert on orders.quote_lines;
create policy quote_lines_insert on orders.quote_lines for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists quote_lines_update on orders.quote_lines;
create policy quote_lines_update on orders.quote_lines for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
