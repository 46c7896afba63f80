-- No zero-column select (`exists (select from ...)`, `perform from ...`) in a function, view or policy
-- (issue 10, kind 6): Citus deparses the statement it sends to a shard, and a SELECT without a target list
-- fails there inside PL/pgSQL. Write `select 1 from ...` / `perform 1 from ...`: the same plan on plain
-- PostgreSQL. Checked on the deparsed text (views, policies) and the source (functions).
begin;
select plan(1);

select is_empty($$
  with texts as (
    select format('function %s', p.oid::regprocedure) as object, pg_get_functiondef(p.oid) as body
    from pg_proc p join tests.linted_schemas s on s.oid = p.pronamespace
    where p.prokind in ('f', 'p')
      and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    union all
    select format('view %s', c.oid::regclass), pg_get_viewdef(c.oid)
    from pg_class c join tests.linted_schemas s on s.oid = c.relnamespace
    where c.relkind in ('v', 'm')
    union all
    select format('policy %s on %s', pol.polname, pol.polrelid::regclass),
      concat_ws(' ', pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid))
    from pg_policy pol join pg_class c on c.oid = pol.polrelid join tests.linted_schemas s on s.oid = c.relnamespace
  )
  select t.object
  from texts t
  -- comments are not statements: a `-- ... select from ...` line does not count
  where regexp_replace(t.body, '--[^\n]*', '', 'g') ~* '\m(select|perform)\s+from\M'
    and not exists (
      select 1 from tests.lint_exceptions e where e.rule = 'no_zero_column_selects' and e.object = t.object
    )
  order by 1
$$, 'no function, view or policy selects zero columns (select 1 from ..., perform 1 from ...)');

select * from finish();
rollback;
