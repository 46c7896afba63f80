-- audit.seal_heads: each tenant reads its own head; written by the sealing job (owner) only.
drop policy if exists seal_heads_select on audit.seal_heads;
create policy seal_heads_select on audit.seal_heads for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());
