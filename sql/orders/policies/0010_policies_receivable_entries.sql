-- receivable_entries: the ledger, appended and read within the current tenant; append-only.
drop policy if exists receivable_entries_select on orders.receivable_entries;
create policy receivable_entries_select on orders.receivable_entries for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists receivable_entries_insert on orders.receivable_entries;
create policy receivable_entries_insert on orders.receivable_entries for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());
