-- Every table with tenant_id has row-level security enabled and forced (so the owner obeys it too).
begin;
select plan(2);

select cmp_ok((select count(*)::int from tests.linted_tables where has_tenant_id), '>=', 3,
  'the lint sees the tenant tables (at least tenancy''s three)');

select is_empty($$
  select t.qualified || case when not c.relrowsecurity then ': RLS not enabled' else ': RLS not forced' end
  from tests.linted_tables t
  join pg_class c on c.oid = t.oid
  where t.has_tenant_id and not (c.relrowsecurity and c.relforcerowsecurity)
    and t.qualified not in (select object from tests.lint_exceptions where rule = 'tenant_tables_force_rls')
$$, 'every table with tenant_id has row-level security enabled and forced');

select * from finish();
rollback;
