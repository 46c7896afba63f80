-- Every table with tenant_id outside schema audit is audited (docs/audit.md, "Capture"): an enabled
-- AFTER INSERT OR UPDATE OR DELETE row trigger calling audit.capture() with the table's primary key
-- columns as arguments, in key order (the event's row_key), and a BEFORE TRUNCATE statement trigger calling
-- audit.capture_truncate(). A table the trail deliberately skips is a documented exception
-- (rule tenant_tables_are_audited in tests.lint_exceptions); an exception for a table that no longer exists
-- fails too, so the list stays true.
begin;
select plan(3);

select is_empty($$
  with audited as (
    select t.oid, t.qualified,
      (select string_agg(a.attname, ',' order by k.ord)
         from pg_catalog.pg_index i
         cross join unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
         join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = t.oid and i.indisprimary) as primary_key
    from tests.linted_tables t
    where t.has_tenant_id and t.schema_name <> 'audit'
      and t.qualified not in (select object from tests.lint_exceptions where rule = 'tenant_tables_are_audited')
  ),
  capture as (
    select tg.tgrelid, tg.tgenabled,
      rtrim(replace(encode(tg.tgargs, 'escape'), '\000', ','), ',') as args,
      -- row (1), after (not 2), insert (4), delete (8), update (16)
      (tg.tgtype & 1) = 1 and (tg.tgtype & 2) = 0 and (tg.tgtype & 28) = 28 as row_after_all
    from pg_catalog.pg_trigger tg
    where not tg.tgisinternal and tg.tgfoid = 'audit.capture()'::regprocedure
  )
  select a.qualified || ': ' || case
      when c.tgrelid is null then 'no audit.capture() trigger'
      when not c.row_after_all then 'audit.capture() is not an AFTER INSERT OR UPDATE OR DELETE row trigger'
      when c.tgenabled = 'D' then 'audit.capture() trigger is disabled'
      else format('audit.capture() arguments (%s) are not the primary key (%s)', c.args, a.primary_key)
    end
  from audited a
  left join capture c on c.tgrelid = a.oid
  where c.tgrelid is null or not c.row_after_all or c.tgenabled = 'D'
     or c.args is distinct from a.primary_key
  order by 1
$$, 'every tenant table has an enabled AFTER ROW audit.capture() trigger with its primary key as arguments');

select is_empty($$
  select t.qualified || ': no audit.capture_truncate() trigger'
  from tests.linted_tables t
  where t.has_tenant_id and t.schema_name <> 'audit'
    and t.qualified not in (select object from tests.lint_exceptions where rule = 'tenant_tables_are_audited')
    and not exists (
      select from pg_catalog.pg_trigger tg
      where tg.tgrelid = t.oid and not tg.tgisinternal and tg.tgenabled <> 'D'
        and tg.tgfoid = 'audit.capture_truncate()'::regprocedure
        and (tg.tgtype & 32) = 32)
  order by 1
$$, 'every tenant table records truncate (audit.capture_truncate())');

select is_empty($$
  select e.object || ': exempt from auditing, but no such tenant table'
  from tests.lint_exceptions e
  where e.rule = 'tenant_tables_are_audited'
    and e.object not in (select qualified from tests.linted_tables where has_tenant_id)
  order by 1
$$, 'every auditing exemption names an existing tenant table');

select * from finish();
rollback;
