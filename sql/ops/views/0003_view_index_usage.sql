-- Index usage: scans per index since the statistics were last reset, with its size, and `unused` for an
-- index that no scan has used and that nothing else needs. Needed, and so never `unused`: an index behind
-- a primary key, unique or exclusion constraint (it enforces the rule), and an index whose leading columns
-- are a foreign key's (it serves the check when a referenced row is deleted or its key updated, and the lint
-- pack requires one per foreign key), and an index still being built (not valid). `counted_since` is when
-- this database's statistics were last reset (null: never, so since the cluster was created): an index
-- used once a month shows as unused in a shorter window, and a replica's reads are counted on the replica.
create or replace view ops.index_usage as
with idx as (
  select
    s.schemaname as schema_name,
    s.relname as table_name,
    s.indexrelname as index_name,
    s.idx_scan as scans,
    s.idx_tup_read as tuples_read,
    pg_catalog.pg_relation_size(s.indexrelid) as index_bytes,
    i.indisunique as is_unique,
    i.indisvalid as is_valid,
    exists (
      select 1 from pg_catalog.pg_constraint k
      where k.conindid = s.indexrelid and k.conrelid = s.relid and k.contype in ('p', 'u', 'x')
    ) as backs_constraint,
    exists (
      select 1 from pg_catalog.pg_constraint f
      where f.contype = 'f' and f.conrelid = s.relid
        and (
          select array_agg(u.attnum order by u.attnum)
          from unnest(i.indkey) with ordinality as u(attnum, position)
          where u.position <= cardinality(f.conkey)
        ) = (select array_agg(k.attnum order by k.attnum) from unnest(f.conkey) as k(attnum))
    ) as covers_foreign_key
  from pg_catalog.pg_stat_user_indexes s
  join pg_catalog.pg_index i on i.indexrelid = s.indexrelid
)
select
  idx.schema_name,
  idx.table_name,
  idx.index_name,
  idx.scans,
  idx.tuples_read,
  idx.index_bytes,
  pg_catalog.pg_size_pretty(idx.index_bytes) as index_size,
  idx.is_unique,
  idx.backs_constraint,
  idx.covers_foreign_key,
  idx.scans = 0 and idx.is_valid and not idx.is_unique and not idx.backs_constraint
    and not idx.covers_foreign_key as unused,
  (select d.stats_reset from pg_catalog.pg_stat_database d where d.datname = pg_catalog.current_database())
    as counted_since
from idx
order by unused desc, idx.index_bytes desc, idx.schema_name, idx.table_name, idx.index_name;

comment on view ops.index_usage is 'Every index of the user schemas: scans and tuples read since counted_since (the last statistics reset; null: since the cluster began), size, and unused = no scan while nothing needs it (not unique, not behind a constraint, not covering a foreign key, valid).';
