-- Policies name one operation (no `for all`) and named roles (never PUBLIC); RLS tables have policies.
begin;
select plan(3);

select is_empty($$
  select format('%s.%s policy %s', p.schemaname, p.tablename, p.policyname)
  from pg_policies p join tests.linted_schemas s on s.nspname = p.schemaname
  where p.cmd = 'ALL'
$$, 'no policy is `for all`: one policy per operation');

select is_empty($$
  select format('%s.%s policy %s', p.schemaname, p.tablename, p.policyname)
  from pg_policies p join tests.linted_schemas s on s.nspname = p.schemaname
  where 'public' = any (p.roles)
$$, 'every policy is `to` named roles, never PUBLIC');

select is_empty($$
  select t.qualified
  from tests.linted_tables t join pg_class c on c.oid = t.oid
  where c.relrowsecurity
    and not exists (select from pg_policy p where p.polrelid = t.oid)
$$, 'every table with RLS enabled has at least one policy');

select * from finish();
rollback;
