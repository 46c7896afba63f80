-- audit.events: each tenant reads only its own events. No insert, update or delete policy for anyone: the
-- capture trigger writes as the owner (row-level security enabled, not forced), and b2b_app has no grant to
-- write.
drop policy if exists events_select on audit.events;
create policy events_select on audit.events for select to b2b_app, b2b_readonly
  using (tenant_id = app.current_tenant_id());
