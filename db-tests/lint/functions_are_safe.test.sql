-- Every security definer function pins search_path (else a caller's objects can hijack it).
begin;
select plan(1);

select is_empty($$
  select p.oid::regprocedure::text
  from pg_proc p join tests.linted_schemas s on s.oid = p.pronamespace
  where p.prosecdef
    and not exists (select from unnest(coalesce(p.proconfig, '{}')) c where c like 'search\_path=%')
$$, 'every security definer function sets search_path');

select * from finish();
rollback;
