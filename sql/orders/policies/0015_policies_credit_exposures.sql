-- credit_exposures: read within the current tenant; written within it by the credit exposure trigger
-- (orders.apply_credit_exposure), as the caller: b2b_app, or b2b_owner in the owner's functions and scripts.
-- Direct writes of b2b_app are refused by trg_credit_exposures_guard (B5041).
drop policy if exists credit_exposures_select on orders.credit_exposures;
create policy credit_exposures_select on orders.credit_exposures for select to b2b_app, b2b_readonly, b2b_owner
  using (tenant_id = app.current_tenant_id());

drop policy if exists credit_exposures_insert on orders.credit_exposures;
create policy credit_exposures_insert on orders.credit_exposures for insert to b2b_app, b2b_owner
  with check (tenant_id = app.current_tenant_id());

drop policy if exists credit_exposures_update on orders.credit_exposures;
create policy credit_exposures_update on orders.credit_exposures for update to b2b_app, b2b_owner
  using (tenant_id = app.current_tenant_id())
  with check (tenant_id = app.current_tenant_id());
