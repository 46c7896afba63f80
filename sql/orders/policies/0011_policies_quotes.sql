-- quotes: within the current tenant; never deleted (withdrawn, declined or expired instead).
drop policy if exists quotes_select on orders.quotes;
create policy quotes_select on orders.quotes for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());

drop policy if exists quotes_insert on orders.quotes;
create policy quotes_insert on orders.quotes for insert to b2b_app
  with check (tenant_id = app.current_tenant_id());

drop policy if exists quotes_update on orders.quotes;
create policy quotes_update on orders.quotes for update to b2b_app
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());

-- The owner role (b2b_owner), for accounts.erase_buyer (security definer), which pseudonymizes a buyer's
-- words here: the current tenant's rows only. Harmless as a grant: the owner could lift row-level security
-- on its own tables anyway.
drop policy if exists quotes_select_owner on orders.quotes;
create policy quotes_select_owner on orders.quotes for select to b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists quotes_update_owner on orders.quotes;
create policy quotes_update_owner on orders.quotes for update to b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
