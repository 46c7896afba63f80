-- Month partitions of audit.events, made ahead of time by maintenance (pnpm audit maintain, daily): from
-- the month of p_from through p_months_ahead months after the current one. A month whose rows already sit
-- in the default partition (maintenance was late) is made by detaching the default, creating the month,
-- moving its rows and attaching the default again, in this transaction.
-- Our own function rather than pg_partman (docs/audit.md, "Partitions"): one table, monthly, a dozen lines;
-- pg_partman would be one more extension to install on every Citus node and to keep in step with Citus's
-- own partition handling (Citus distributes a partition of a distributed table when it is created).
create or replace function audit.create_partitions(p_months_ahead integer default 3, p_from date default null)
returns setof text
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_month date := date_trunc('month', coalesce(p_from, statement_timestamp()::date))::date;
  v_last date := (date_trunc('month', statement_timestamp()) + make_interval(months => p_months_ahead))::date;
  v_name text;
  v_moved bigint;
begin
  while v_month <= v_last loop
    v_name := format('events_y%sm%s', to_char(v_month, 'YYYY'), to_char(v_month, 'MM'));
    if to_regclass('audit.' || v_name) is null then
      if exists (select 1 from audit.events_default d
                  where d.occurred_at >= v_month and d.occurred_at < (v_month + interval '1 month')) then
        alter table audit.events detach partition audit.events_default;
        execute format('create table audit.%I partition of audit.events for values from (%L) to (%L)',
          v_name, v_month::timestamptz, (v_month + interval '1 month')::timestamptz);
        execute format(
          $q$with moved as (delete from audit.events_default d where d.occurred_at >= %L and d.occurred_at < %L returning d.*)
             insert into audit.%I select * from moved$q$,
          v_month::timestamptz, (v_month + interval '1 month')::timestamptz, v_name);
        get diagnostics v_moved = row_count;
        alter table audit.events attach partition audit.events_default default;
      else
        execute format('create table audit.%I partition of audit.events for values from (%L) to (%L)',
          v_name, v_month::timestamptz, (v_month + interval '1 month')::timestamptz);
        v_moved := 0;
      end if;
      execute format('comment on table audit.%I is %L', v_name,
        format('Month %s of audit.events (made by audit.create_partitions).', to_char(v_month, 'YYYY-MM')));
      return next format('audit.%s%s', v_name, case when v_moved > 0 then format(' (%s rows moved from the default partition)', v_moved) else '' end);
    end if;
    v_month := (v_month + interval '1 month')::date;
  end loop;
end
$$;
comment on function audit.create_partitions(integer, date) is
  'Creates the month partitions of audit.events from the month of p_from (default: this month) to p_months_ahead months ahead, moving rows of a new month out of the default partition; returns the partitions made. Owner only (pnpm audit maintain).';
