-- Policies on tenant tables read the tenant only through (select app.current_tenant_id()),
-- evaluated once per query, never current_setting() per row.
begin;
select plan(2);

select is_empty($$
  select format('%s.%s policy %s', p.schemaname, p.tablename, p.policyname)
  from pg_policies p
  join tests.linted_tables t on t.schema_name = p.schemaname and t.table_name = p.tablename
  where t.has_tenant_id
    and coalesce(p.qual, '') || coalesce(p.with_check, '') not like '%SELECT app.current_tenant_id()%'
$$, 'every policy on a tenant table checks the tenant through (select app.current_tenant_id())');

select is_empty($$
  select format('%s.%s policy %s: %s', p.schemaname, p.tablename, p.policyname, coalesce(p.qual, p.with_check))
  from pg_policies p join tests.linted_schemas s on s.nspname = p.schemaname
  cross join lateral (select coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '')) as e(expr)
  where e.expr ~ 'current_setting'
     or replace(e.expr, 'SELECT app.current_tenant_id()', '') like '%app.current_tenant_id()%'
$$, 'no policy calls current_setting() or an unwrapped app.current_tenant_id() per row');

select * from finish();
rollback;
