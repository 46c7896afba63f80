-- Retention by month partition (docs/audit.md, "Retention"). audit.retention_policy (a view, views/) keeps
-- each audited table's events for its period; a month can go once every table with events in it is past
-- its period, i.e. the month ended before now - the longest period of the tables it holds.

-- The months of audit.events past retention at p_at, oldest first.
create or replace function audit.expired_partitions(p_at timestamptz default now())
returns table (partition_name text, range_from timestamptz, range_to timestamptz, keep interval)
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  r record;
  v_keep interval;
begin
  for r in
    select format('%I.%I', n.nspname, c.relname) as name,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid), $re$FROM \('([^']+)'\) TO \('([^']+)'\)$re$)) as bounds
      from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_namespace n on n.oid = c.relnamespace
         where i.inhparent = 'audit.events'::regclass
       and pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
     order by 2
  loop
    -- the longest period among the tables with events in that month; the default for a table without a policy
    execute format(
      $q$select coalesce(max(coalesce(p.keep, d.keep)), max(d.keep))
           from (select keep from audit.retention_policy where table_name = '*') d
           left join (select distinct e.table_name from %s e) t on true
           left join audit.retention_policy p on p.table_name = t.table_name$q$, r.name)
      into v_keep;
    if r.bounds[2]::timestamptz <= p_at - v_keep then
      partition_name := r.name;
      range_from := r.bounds[1]::timestamptz;
      range_to := r.bounds[2]::timestamptz;
      keep := v_keep;
      return next;
    end if;
  end loop;
end
$$;
comment on function audit.expired_partitions(timestamptz) is
  'Month partitions of audit.events whose end lies before p_at minus the longest retention (audit.retention_policy) of the tables with events in them (the default period * for an empty month). Owner only.';

-- Step 1: detach the month (its rows leave the trail at once; nothing is dropped yet).
create or replace function audit.detach_partition(p_partition regclass) returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_bounds text[];
  v_name text;
begin
  select format('%I.%I', n.nspname, c.relname),
         regexp_match(pg_get_expr(c.relpartbound, c.oid), $re$FROM \('([^']+)'\) TO \('([^']+)'\)$re$)
    into v_name, v_bounds
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'audit.events'::regclass
   where c.oid = p_partition;
  if v_bounds is null then
    raise exception using errcode = 'B4002', message = 'not a month partition of audit.events',
      detail = p_partition::text;
  end if;
  execute format('alter table audit.events detach partition %s', p_partition);
  insert into audit.retired_partitions (partition_name, range_from, range_to, state)
  values (v_name, v_bounds[1]::timestamptz, v_bounds[2]::timestamptz, 'detached')
  on conflict (partition_name) do update
    set range_from = excluded.range_from, range_to = excluded.range_to, state = 'detached',
        export_file = null, export_rows = null, export_sha256 = null, detached_at = now(), dropped_at = null;
end
$$;
comment on function audit.detach_partition(regclass) is
  'Retention step 1: detaches a month partition of audit.events and records it (audit.retired_partitions, detached). B4002 for anything else. Owner only.';

-- Step 2: record a verified export (the command streamed COPY out, gzip, and read the file back).
create or replace function audit.record_export(p_partition regclass, p_file text, p_rows bigint, p_sha256 text)
returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_name text;
  v_rows bigint;
begin
  select format('%I.%I', n.nspname, c.relname) into v_name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = p_partition;
  if not exists (select 1 from audit.retired_partitions r where r.partition_name = v_name and r.state in ('detached', 'exported')) then
    raise exception using errcode = 'B4003', message = 'the partition is not detached by retention', detail = v_name;
  end if;
  execute format('select count(*) from %s', p_partition) into v_rows;
  if v_rows <> p_rows then
    raise exception using errcode = 'B4004', message = 'the export does not hold every row of the partition',
      detail = format('%s: %s rows, export %s', v_name, v_rows, p_rows);
  end if;
  update audit.retired_partitions
     set state = 'exported', export_file = p_file, export_rows = p_rows, export_sha256 = p_sha256
   where partition_name = v_name;
end
$$;
comment on function audit.record_export(regclass, text, bigint, text) is
  'Retention step 2: records the verified export of a detached month (file, rows, sha256); B4003 when it was not detached by retention, B4004 when the row count differs from the table''s. Owner only.';

-- Step 3: drop, only after a recorded export.
create or replace function audit.drop_exported(p_partition regclass) returns void
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_name text;
begin
  select format('%I.%I', n.nspname, c.relname) into v_name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = p_partition;
  if not exists (select 1 from audit.retired_partitions r where r.partition_name = v_name and r.state = 'exported') then
    raise exception using errcode = 'B4005', message = 'the partition has no verified export; not dropped',
      detail = v_name;
  end if;
  execute format('drop table %s', p_partition);
  update audit.retired_partitions set state = 'dropped', dropped_at = now() where partition_name = v_name;
end
$$;
comment on function audit.drop_exported(regclass) is
  'Retention step 3: drops a detached month whose export was recorded (audit.record_export); B4005 otherwise, and nothing is dropped. Owner only.';
