-- pg_stat_statements (PostgreSQL contrib), read by ops.slow_queries and `pnpm db:health`.
--
-- Why here and not in a versioned migration: the extension is not trusted (its control file has no
-- `trusted = true`), so only a superuser may create it, and migrations run as b2b_owner. This step runs as
-- the migrating superuser before every migrate (and on every template clone), so the ops views that read it
-- can be created by the repeatables. Schema public: the down-to-zero proof requires that rolling back leaves
-- no schema of ours, and this step is not rolled back.
-- The server must also load the library (shared_preload_libraries = 'pg_stat_statements'; our local
-- clusters do, see packages/testing/src/provider/local-cluster.ts); without it the view exists but reading it
-- fails with SQLSTATE 55000, and `pnpm db:health` reports that section as unavailable.
-- Where the migrator is not a superuser (managed services), this warns and creates nothing;
-- ops.slow_queries is then created empty (sql/ops/views/0001_view_slow_queries.sql).
do $$
begin
  if pg_catalog.to_regclass('public.pg_stat_statements') is not null then
    null; -- already there
  elsif not pg_catalog.current_setting('is_superuser')::boolean then
    raise warning 'sql/bootstrap/database: % is not a superuser, so pg_stat_statements is not created: ops.slow_queries stays empty (ask the server''s administrator to create it in schema public)', current_user;
    return;
  elsif not exists (select from pg_catalog.pg_available_extensions where name = 'pg_stat_statements') then
    raise warning 'sql/bootstrap/database: pg_stat_statements is not installed on this server (PostgreSQL contrib): ops.slow_queries stays empty';
    return;
  else
    create extension if not exists pg_stat_statements schema public;
  end if;
  -- Query texts of every role: nobody reads them but through the ops views (owner b2b_owner, readable by
  -- b2b_monitor only). The extension grants SELECT to PUBLIC; take that back.
  if pg_catalog.current_setting('is_superuser')::boolean then
    revoke all on public.pg_stat_statements, public.pg_stat_statements_info from public;
    grant usage on schema public to b2b_owner;
    grant select on public.pg_stat_statements, public.pg_stat_statements_info to b2b_owner;
  end if;
end
$$;
