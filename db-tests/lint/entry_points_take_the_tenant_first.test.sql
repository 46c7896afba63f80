-- Every function b2b_app may execute that reads a tenant table takes the tenant as a value, first:
-- `p_tenant_id uuid` (issue 10, kind 2). On Citus that argument routes the call to the one node holding
-- the tenant (the migrate step makes every function whose first argument is p_tenant_id a distributed
-- function), and the function's queries filter on it, so they are routed to the tenant's shards.
-- Checked:
-- 1. a function that reads a tenant table (its definition names one, or calls a function that takes
--    p_tenant_id first) takes p_tenant_id uuid as its first argument; trigger functions are not called
--    by anyone, and a declared exception says why a function may not (tests.lint_exceptions);
-- 2. a function that takes p_tenant_id calls app.check_tenant(p_tenant_id) (the argument must be the
--    transaction's tenant, which row-level security enforces) and never reads the tenant from the setting
--    (app.current_tenant_id(), app.require_tenant_id()): its queries filter on the value.
begin;
select plan(2);

create temporary view entry_points as
select p.oid, p.oid::regprocedure::text as name, pg_get_functiondef(p.oid) as body,
  coalesce(p.proargnames[1] = 'p_tenant_id' and p.proargtypes[0] = 'uuid'::regtype, false) as takes_tenant
from pg_proc p
join tests.linted_schemas s on s.oid = p.pronamespace
where p.prokind in ('f', 'p')
  and p.prorettype <> 'trigger'::regtype
  and has_function_privilege('b2b_app', p.oid, 'execute')
  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e');

select is_empty($$
  select format('%s reads %s without p_tenant_id uuid as its first argument', e.name, r.what)
  from entry_points e
  cross join lateral (
    select w.what from (
      select t.qualified as what
      from tests.linted_tables t
      where t.has_tenant_id and e.body ~* ('\m' || t.schema_name || '\.' || t.table_name || '\M')
      union all
      select f.oid::regproc::text || '(...)'
      from pg_proc f join tests.linted_schemas fs on fs.oid = f.pronamespace
      where f.proargnames[1] = 'p_tenant_id' and f.oid <> e.oid
        and e.body ~* ('\m' || fs.nspname || '\.' || f.proname || '\s*\(')
    ) w
    order by 1
    limit 1
  ) r
  where not e.takes_tenant
    and not exists (
      select 1 from tests.lint_exceptions x
      where x.rule = 'entry_points_take_the_tenant_first' and x.object = e.name
    )
  order by 1
$$, 'every function b2b_app may call that reads a tenant table takes p_tenant_id uuid first (or is a declared exception)');

select is_empty($$
  select format('%s %s', e.name, case
    when e.body !~* 'app\.check_tenant\(\s*p_tenant_id\s*\)' then 'does not call app.check_tenant(p_tenant_id)'
    else 'reads the tenant from the setting (app.current_tenant_id / app.require_tenant_id)' end)
  from entry_points e
  where e.takes_tenant
    and e.name <> 'app.check_tenant(uuid)'
    and (e.body !~* 'app\.check_tenant\(\s*p_tenant_id\s*\)'
      or regexp_replace(e.body, '--[^\n]*', '', 'g') ~* 'app\.(current|require)_tenant_id\s*\(')
    and not exists (
      select 1 from tests.lint_exceptions x
      where x.rule = 'entry_points_take_the_tenant_first' and x.object = e.name
    )
  order by 1
$$, 'a function that takes p_tenant_id checks it (app.check_tenant) and filters on it, never on the setting');

select * from finish();
rollback;
