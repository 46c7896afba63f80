-- Estimated table bloat, without reading the tables: the well-known estimate of ioguix/pgsql-bloat-estimation
-- (table/table_bloat.sql, by Jehan-Guillaume de Rorthais, BSD 2-clause licence,
-- https://github.com/ioguix/pgsql-bloat-estimation), adapted: it computes the size each table would have
-- packed at its fillfactor from pg_class (pages, reltuples) and pg_stats (null fraction and average width per
-- column), and reports the difference. An estimate: it needs statistics (ANALYZE; is_na marks tables where
-- they are missing or cannot be used), and it is off for tables with wide variable-length values. For an
-- exact figure use pgstattuple, which reads the whole table.
-- Security definer, owned by b2b_owner: pg_stats shows a column only to a role that may read it, and the
-- monitoring role may read no table of ours; as the owner of the tables the estimate sees their statistics
-- (only averages and fractions leave the function, never values). Tables of other owners come out is_na.
create or replace function ops.table_bloat_estimate()
returns table (
  schema_name name,
  table_name name,
  table_bytes numeric,
  bloat_bytes numeric,
  bloat_pct numeric,
  fillfactor integer,
  is_na boolean
)
language sql
stable
security definer
set search_path = pg_catalog
as $$
  select
    s3.schema_name,
    s3.table_name,
    s3.bs * s3.tblpages as table_bytes,
    case when s3.tblpages - s3.est_tblpages_ff > 0 then (s3.tblpages - s3.est_tblpages_ff) * s3.bs else 0 end
      as bloat_bytes,
    case when s3.tblpages > 0 and s3.tblpages - s3.est_tblpages_ff > 0
      then round(100 * (s3.tblpages - s3.est_tblpages_ff) / s3.tblpages, 1) else 0 end as bloat_pct,
    s3.fillfactor,
    s3.is_na
  from (
    select
      ceil(s2.reltuples / ((s2.bs - s2.page_hdr) * s2.fillfactor / (s2.tpl_size * 100)))
        + ceil(s2.toasttuples / 4) as est_tblpages_ff,
      s2.tblpages, s2.fillfactor, s2.bs, s2.schema_name, s2.table_name, s2.is_na
    from (
      select
        (4 + s.tpl_hdr_size + s.tpl_data_size + (2 * s.ma)
          - case when s.tpl_hdr_size % s.ma = 0 then s.ma else s.tpl_hdr_size % s.ma end
          - case when ceil(s.tpl_data_size)::integer % s.ma = 0 then s.ma else ceil(s.tpl_data_size)::integer % s.ma end
        ) as tpl_size,
        (s.heappages + s.toastpages) as tblpages,
        s.reltuples, s.toasttuples, s.bs, s.page_hdr, s.schema_name, s.table_name, s.fillfactor, s.is_na
      from (
        select
          ns.nspname as schema_name,
          tbl.relname as table_name,
          greatest(tbl.reltuples, 0)::numeric as reltuples,
          tbl.relpages as heappages,
          coalesce(toast.relpages, 0) as toastpages,
          greatest(coalesce(toast.reltuples, 0), 0)::numeric as toasttuples,
          coalesce(substring(array_to_string(tbl.reloptions, ' ') from 'fillfactor=([0-9]+)')::smallint, 100)
            as fillfactor,
          current_setting('block_size')::numeric as bs,
          case when version() ~ 'mingw32' or version() ~ '64-bit|x86_64|ppc64|ia64|amd64' then 8 else 4 end as ma,
          24 as page_hdr,
          23 + case when max(coalesce(st.null_frac, 0)) > 0 then (7 + count(st.attname)) / 8 else 0::integer end
            as tpl_hdr_size,
          sum((1 - coalesce(st.null_frac, 0)) * coalesce(st.avg_width, 0))::numeric as tpl_data_size,
          bool_or(att.atttypid = 'pg_catalog.name'::regtype)
            or sum(case when att.attnum > 0 then 1 else 0 end) <> count(st.attname) as is_na
        from pg_attribute as att
        join pg_class as tbl on att.attrelid = tbl.oid
        join pg_namespace as ns on ns.oid = tbl.relnamespace
        left join pg_stats as st on st.schemaname = ns.nspname and st.tablename = tbl.relname
          and st.inherited = false and st.attname = att.attname
        left join pg_class as toast on tbl.reltoastrelid = toast.oid
        where not att.attisdropped
          and att.attnum > 0
          and tbl.relkind in ('r', 'm')
          and ns.nspname not in ('pg_catalog', 'information_schema')
          and ns.nspname !~ '^pg_toast'
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      ) as s
    ) as s2
  ) as s3
$$;

comment on function ops.table_bloat_estimate() is 'Estimated bloat per table from pg_class and pg_stats (ioguix/pgsql-bloat-estimation, table_bloat.sql, BSD 2-clause): table bytes, bytes above the size packed at its fillfactor, that as a percentage, is_na when statistics are missing. Security definer as b2b_owner, so the statistics of our tables are visible to the monitoring role; returns no values, only sizes.';
