-- Database-level privileges: only the owner role creates schemas; the other roles may connect.
-- Runs as the migrating superuser before every `db:migrate`; idempotent.
do $$
begin
  execute format('revoke all on database %I from public', current_database());
  execute format('grant connect, create, temporary on database %I to b2b_owner', current_database());
  execute format('grant connect on database %I to b2b_app, b2b_readonly, b2b_analytics, b2b_support', current_database());
  -- The monitoring role reads the ops.* health views (sql/bootstrap/cluster/0002_operations_roles.sql).
  execute format('grant connect on database %I to b2b_monitor', current_database());
end
$$;

-- PostgreSQL 15 already keeps PUBLIC from creating in `public`; we also keep it from using it.
revoke all on schema public from public;
