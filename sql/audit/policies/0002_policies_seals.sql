-- audit.seals: each tenant reads its own chain; written by the sealing job (owner) only.
drop policy if exists seals_select on audit.seals;
create policy seals_select on audit.seals for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());
