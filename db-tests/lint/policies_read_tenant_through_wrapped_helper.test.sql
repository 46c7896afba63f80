-- Policies on tenant tables check the tenant, each expression on its own: USING (select, update, delete)
-- and WITH CHECK (insert, update) are each present and exactly tenant_id = (select app.current_tenant_id()),
-- the helper read once per query, never current_setting() per row. Judged per expression, never on the two
-- joined: `using (true)` beside a tenant-bound WITH CHECK lets an UPDATE reach every tenant's rows, and
-- `using ((select app.current_tenant_id()) is not null)` names the helper but checks nothing.
-- A deliberate other form needs a line in tests.lint_exceptions (rule 'policy_expressions_are_the_tenant_predicate',
-- object '<schema>.<table>.<policy>') with its reason.
begin;
select plan(2);

select is_empty($$
  with tenant_policies as (
    select p.schemaname, p.tablename, p.policyname, p.cmd, p.qual, p.with_check
    from pg_policies p
    join tests.linted_tables t on t.schema_name = p.schemaname and t.table_name = p.tablename
    where t.has_tenant_id
      and format('%s.%s.%s', p.schemaname, p.tablename, p.policyname) not in
        (select object from tests.lint_exceptions where rule = 'policy_expressions_are_the_tenant_predicate')
  ),
  expressions as (
    select tp.*, 'USING' as part, tp.qual as expr from tenant_policies tp where tp.cmd in ('SELECT', 'UPDATE', 'DELETE', 'ALL')
    union all
    select tp.*, 'WITH CHECK', tp.with_check from tenant_policies tp where tp.cmd in ('INSERT', 'UPDATE', 'ALL')
  )
  select format('%s.%s policy %s (%s): %s %s', e.schemaname, e.tablename, e.policyname, lower(e.cmd), e.part,
    coalesce(e.expr, 'is missing'))
  from expressions e
  -- how PostgreSQL prints tenant_id = (select app.current_tenant_id())
  where e.expr is distinct from '(tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))'
$$, 'every USING and WITH CHECK of a tenant table''s policies is exactly tenant_id = (select app.current_tenant_id())');

select is_empty($$
  select format('%s.%s policy %s: %s', p.schemaname, p.tablename, p.policyname, coalesce(p.qual, p.with_check))
  from pg_policies p join tests.linted_schemas s on s.nspname = p.schemaname
  cross join lateral (select coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '')) as e(expr)
  where e.expr ~ 'current_setting'
     or replace(e.expr, 'SELECT app.current_tenant_id()', '') like '%app.current_tenant_id()%'
$$, 'no policy calls current_setting() or an unwrapped app.current_tenant_id() per row');

select * from finish();
rollback;
