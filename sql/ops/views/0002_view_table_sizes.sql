-- Table sizes: heap, indexes and TOAST of every table and materialized view outside the system schemas,
-- largest first. Bytes for machines, pg_size_pretty for people.
create or replace view ops.table_sizes as
select
  n.nspname as schema_name,
  c.relname as table_name,
  case c.relkind when 'm' then 'materialized view' else 'table' end as kind,
  pg_catalog.pg_total_relation_size(c.oid) as total_bytes,
  pg_catalog.pg_relation_size(c.oid) as table_bytes,
  pg_catalog.pg_indexes_size(c.oid) as index_bytes,
  coalesce(pg_catalog.pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) as toast_bytes,
  pg_catalog.pg_size_pretty(pg_catalog.pg_total_relation_size(c.oid)) as total_size,
  -- reltuples is -1 before the first VACUUM or ANALYZE (PostgreSQL 14+): unknown, not empty
  case when c.reltuples >= 0 then c.reltuples::bigint end as estimated_rows
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'm')
  and n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname !~ '^pg_toast'
order by total_bytes desc, schema_name, table_name;

comment on view ops.table_sizes is 'Every table and materialized view outside the system schemas, largest first: total, heap, index and TOAST bytes, total as text, estimated rows (null before the first ANALYZE).';
