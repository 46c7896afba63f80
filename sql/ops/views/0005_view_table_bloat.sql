-- Estimated bloat per table (ops.table_bloat_estimate(): the ioguix/pgsql-bloat-estimation estimate), beside
-- what autovacuum reports: dead rows and when it last vacuumed and analysed the table. Most bloated first;
-- tables without statistics (is_na) last, since their estimate means nothing until ANALYZE.
create or replace view ops.table_bloat as
select
  b.schema_name,
  b.table_name,
  b.table_bytes::bigint as table_bytes,
  b.bloat_bytes::bigint as bloat_bytes,
  b.bloat_pct,
  pg_catalog.pg_size_pretty(b.bloat_bytes) as bloat_size,
  b.fillfactor,
  b.is_na,
  t.n_live_tup as live_rows,
  t.n_dead_tup as dead_rows,
  greatest(t.last_vacuum, t.last_autovacuum) as last_vacuum,
  greatest(t.last_analyze, t.last_autoanalyze) as last_analyze
from ops.table_bloat_estimate() b
left join pg_catalog.pg_stat_user_tables t on t.schemaname = b.schema_name and t.relname = b.table_name
order by b.is_na, b.bloat_bytes desc, b.schema_name, b.table_name;

comment on view ops.table_bloat is 'Estimated bloat per table (ioguix/pgsql-bloat-estimation estimate; is_na: no usable statistics, run ANALYZE), with live and dead rows and the last vacuum and analyse (manual or auto). Most bloated first.';
