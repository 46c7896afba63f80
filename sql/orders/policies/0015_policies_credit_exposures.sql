-- credit_exposures: read within the current tenant; written only by the owner's security definer triggers
-- (orders.apply_order_credit_exposure, apply_receivable_credit_exposure), to which no policy applies
-- (row-level security enabled, not forced).
drop policy if exists credit_exposures_select on orders.credit_exposures;
create policy credit_exposures_select on orders.credit_exposures for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());
