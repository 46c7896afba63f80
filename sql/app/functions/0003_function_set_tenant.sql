-- The one way to act for a tenant: transaction-local SET commands, issued from here by everything that
-- sets the tenant (withTenant with `begin`, the test helpers, the demo loader, the benchmarks).
-- Why SET LOCAL and not set_config(..., true): on Citus, a SET LOCAL is what the coordinator records and
-- replays on every worker connection the transaction opens (citus.propagate_set_commands = 'local'), so
-- row-level security and app.check_tenant see the same tenant on every node; set_config stays on the
-- coordinator. Both end with the transaction, so PgBouncer's transaction mode stays safe.
-- Why a function and not the SET text in the client's `begin` message: Citus replays the text of the
-- statement it was given, which for a multi-statement simple-protocol message is the whole message
-- (`begin; ...; set local ...`); here each SET is a statement of its own. The arguments are uuids, so
-- the formatted text cannot carry anything else. The arguments are not named p_tenant_id: a function
-- whose first argument is p_tenant_id is made a distributed function on Citus, and this one must run
-- where it is called.
create or replace function app.set_tenant(tenant uuid, acting_user uuid default null) returns void
language plpgsql
as $$
begin
  execute pg_catalog.format('set local app.tenant_id = %L', coalesce(tenant::text, ''));
  execute pg_catalog.format('set local app.user_id = %L', coalesce(acting_user::text, ''));
  -- for the audit trail (audit.capture): on a Citus worker application_name is Citus's own
  execute pg_catalog.format('set local app.application_name = %L',
    pg_catalog.left(pg_catalog.current_setting('application_name'), 200));
end
$$;
comment on function app.set_tenant(uuid, uuid) is
  'Sets the tenant (app.tenant_id), the acting user (app.user_id) and the client''s application_name (app.application_name, for audit.capture) for the rest of the transaction with SET LOCAL (propagated to Citus workers); null clears them. Called by withTenant with begin, and by every other place that acts for a tenant.';
