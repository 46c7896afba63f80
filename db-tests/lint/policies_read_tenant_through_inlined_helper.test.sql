-- Policies on tenant tables check the tenant, each expression on its own: USING (select, update, delete)
-- and WITH CHECK (insert, update) are each present and exactly tenant_id = app.current_tenant_id().
-- Judged per expression, never on the two joined: `using (true)` beside a tenant-bound WITH CHECK lets an
-- UPDATE reach every tenant's rows, and `using (app.current_tenant_id() is not null)` names the helper but
-- checks nothing.
-- No policy holds a subquery: Citus refuses a policy with a sublink on a distributed table ("cannot create
-- policy"), the old `(select app.current_tenant_id())` included. The helper is called bare instead, and
-- stays inlinable (a one-line SQL function, stable, no SET, not security definer, not strict): the planner
-- replaces the call with its body, a stable expression evaluated once per scan as an index condition or, beside
-- the query's own tenant_id = $1, once per query as a one-time filter (measured in docs/scaling.md,
-- "Row-level security on Citus"). A helper that stops inlining is called per row.
-- A deliberate other form needs a line in tests.lint_exceptions (rule 'policy_expressions_are_the_tenant_predicate',
-- object '<schema>.<table>.<policy>') with its reason.
begin;
select plan(3);

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
  -- how PostgreSQL prints tenant_id = app.current_tenant_id()
  where e.expr is distinct from '(tenant_id = app.current_tenant_id())'
$$, 'every USING and WITH CHECK of a tenant table''s policies is exactly tenant_id = app.current_tenant_id()');

-- the stored expression trees, as Citus reads them (checkExprHasSubLink): a SubLink node is a subquery
select is_empty($$
  select format('%s.%s policy %s: %s', n.nspname, c.relname, p.polname,
    case when concat(p.polqual::text, ' ', p.polwithcheck::text) like '%{SUBLINK %' then 'a subquery'
         else 'current_setting() per row' end)
  from pg_catalog.pg_policy p
  join pg_catalog.pg_class c on c.oid = p.polrelid
  join tests.linted_schemas n on n.oid = c.relnamespace
  where concat(p.polqual::text, ' ', p.polwithcheck::text) like '%{SUBLINK %'
     or concat(p.polqual::text, ' ', p.polwithcheck::text) ~ (':funcid ' || 'pg_catalog.current_setting(text, boolean)'::regprocedure::oid || ' ')
     or concat(p.polqual::text, ' ', p.polwithcheck::text) ~ (':funcid ' || 'pg_catalog.current_setting(text)'::regprocedure::oid || ' ')
$$, 'no policy holds a subquery (Citus refuses it on distributed tables) or calls current_setting() itself');

-- what PostgreSQL's inline_function requires of a SQL function called in an expression
select is_empty($$
  select format('app.current_tenant_id() cannot be inlined: %s', concat_ws(', ',
    case when l.lanname <> 'sql' then 'language ' || l.lanname end,
    case when p.provolatile <> 's' then 'volatility ' || p.provolatile::text || ' (must be stable: its body reads a setting)' end,
    case when p.prosecdef then 'security definer' end,
    case when p.proconfig is not null then 'SET ' || array_to_string(p.proconfig, ', ') end,
    case when p.proisstrict then 'strict' end,
    case when p.proretset then 'returns a set' end))
  from pg_catalog.pg_proc p
  join pg_catalog.pg_language l on l.oid = p.prolang
  where p.oid = 'app.current_tenant_id()'::regprocedure
    and (l.lanname <> 'sql' or p.provolatile <> 's' or p.prosecdef or p.proconfig is not null
      or p.proisstrict or p.proretset)
$$, 'app.current_tenant_id() stays inlinable: language sql, stable, no SET, not security definer, not strict');

select * from finish();
rollback;
