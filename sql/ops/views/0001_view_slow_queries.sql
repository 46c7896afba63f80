-- Slow queries: pg_stat_statements (PostgreSQL contrib), by total execution time, with each statement's
-- share of all execution time. Cluster-wide (every database, every role): counters run from the last
-- pg_stat_statements_reset() (see stats_since in pnpm db:health, and pg_stat_statements_info).
-- pg_stat_statements.track = all on our clusters: the business logic runs inside PL/pgSQL functions
-- (place_order is one call), so with the default `top` only the outer `select orders.place_order(...)`
-- would be listed; `toplevel` says which rows are statements inside functions.
-- Where pg_stat_statements could not be created (a migrator that is not a superuser, see
-- sql/bootstrap/database/0002_extension_pg_stat_statements.sql) the view has the same columns and no rows.
do $do$
declare
  source text := case
    when pg_catalog.to_regclass('public.pg_stat_statements') is not null then 'public.pg_stat_statements'
    else $none$(select null::oid as userid, null::oid as dbid, null::boolean as toplevel, null::bigint as queryid,
      null::text as query, null::bigint as calls, null::double precision as total_exec_time,
      null::double precision as mean_exec_time, null::double precision as max_exec_time,
      null::double precision as stddev_exec_time, null::bigint as rows, null::bigint as shared_blks_hit,
      null::bigint as shared_blks_read, null::bigint as temp_blks_written where false)$none$
  end;
begin
  execute pg_catalog.format($view$
    create or replace view ops.slow_queries as
    select
      d.datname as database_name,
      r.rolname as role_name,
      s.queryid,
      s.toplevel,
      s.calls,
      round(s.total_exec_time::numeric, 3) as total_ms,
      round(s.mean_exec_time::numeric, 3) as mean_ms,
      round(s.max_exec_time::numeric, 3) as max_ms,
      round(s.stddev_exec_time::numeric, 3) as stddev_ms,
      s.rows,
      round((100 * s.total_exec_time / nullif(sum(s.total_exec_time) over (), 0))::numeric, 1) as share_pct,
      round(100.0 * s.shared_blks_hit / nullif(s.shared_blks_hit + s.shared_blks_read, 0), 1) as cache_hit_pct,
      s.temp_blks_written,
      s.query
    from %s s
    left join pg_catalog.pg_database d on d.oid = s.dbid
    left join pg_catalog.pg_roles r on r.oid = s.userid
    order by s.total_exec_time desc
  $view$, source);
end
$do$;

comment on view ops.slow_queries is 'Statements by total execution time (pg_stat_statements, every database and role, track = all): calls, total/mean/max/stddev in ms, rows, share of all execution time, shared-buffer hit ratio, temp blocks written. toplevel = false: a statement inside a function. No rows where pg_stat_statements is not installed.';
