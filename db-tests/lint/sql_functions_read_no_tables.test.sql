-- No SQL-language function reads a table (issue 10, kind 6). Citus cannot plan a SQL-language function
-- whose statement reads a distributed table: called from PL/pgSQL it fails ("parameterized queries for SQL
-- functions referencing distributed tables are not supported"), and inlined into a query it fails too
-- (the planner inlines it after Citus has looked at the query). On plain PostgreSQL such a function is
-- also planned again in every transaction unless inlined. Write it in PL/pgSQL (a plan per connection),
-- or write its statement into the caller's. "Reads a table": its definition names a table or view of
-- our schemas (schema-qualified, as every function here writes them).
begin;
select plan(1);

select is_empty($$
  select format('%s reads %s', p.oid::regprocedure, r.qualified)
  from pg_proc p
  join tests.linted_schemas s on s.oid = p.pronamespace
  join pg_language l on l.oid = p.prolang
  cross join lateral (
    select c.oid::regclass::text as qualified
    from pg_class c join tests.linted_schemas cs on cs.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'f')
      and pg_get_functiondef(p.oid) ~* ('\m' || cs.nspname || '\.' || c.relname || '\M')
    order by 1
    limit 1
  ) r
  where l.lanname = 'sql'
    and p.prokind = 'f'
    and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and not exists (
      select 1 from tests.lint_exceptions e
      where e.rule = 'sql_functions_read_no_tables' and e.object = p.oid::regprocedure::text
    )
  order by 1
$$, 'no SQL-language function reads a table (write it in PL/pgSQL)');

select * from finish();
rollback;
