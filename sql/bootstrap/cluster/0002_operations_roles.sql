-- Cluster-level roles for operations (not development roles): they log in with SCRAM passwords only
-- (pg_hba: scram-sha-256 over TLS, see packages/testing/src/provider/hba.ts and config/pg_hba.conf), and no
-- password is set here: whoever runs the server sets it (`pnpm db:up` does for the development cluster,
-- from .data/monitor.password). Idempotent like 0001_roles.sql: attributes are re-asserted, nothing is
-- written when all is as it should be.
--   b2b_monitor     reads the ops.* health views (pnpm db:health) and nothing else of ours; member of
--                   pg_monitor (PostgreSQL's role for monitoring: pg_read_all_stats, pg_read_all_settings,
--                   pg_stat_scan_tables), so it sees every session's query text and pg_stat_statements.
--   b2b_replicator  streaming replication and pg_basebackup (REPLICATION, no other privilege).
do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('b2b_monitor', false),
      ('b2b_replicator', true)
    ) as roles(name, replication)
  loop
    if not exists (select from pg_catalog.pg_roles where rolname = r.name) then
      begin
        execute format('create role %I', r.name);
      exception when duplicate_object or unique_violation then
        null; -- created meanwhile by a concurrent migration
      end;
    end if;
    if exists (
      select from pg_catalog.pg_roles
      where rolname = r.name
        and (not rolcanlogin or rolsuper or rolcreatedb or rolcreaterole or rolreplication <> r.replication
          or rolbypassrls)
    ) then
      execute format(
        'alter role %I login nosuperuser nocreatedb nocreaterole %s nobypassrls',
        r.name, case when r.replication then 'replication' else 'noreplication' end
      );
    end if;
  end loop;
  if not pg_catalog.pg_has_role('b2b_monitor', 'pg_monitor', 'member') then
    grant pg_monitor to b2b_monitor;
  end if;
end
$$;
