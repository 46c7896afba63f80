-- Every function of the product schemas has a comment: docs/data-dictionary.md lists them for app
-- developers and DBAs, and a function without one is a rule nobody can look up. Extension functions
-- (pg_trgm, btree_gist, ...) are not ours and are skipped.
begin;
select plan(1);

select is_empty($$
  select p.oid::regprocedure::text
  from pg_proc p join tests.linted_schemas s on s.oid = p.pronamespace
  where p.prokind = 'f'
    and obj_description(p.oid, 'pg_proc') is null
    and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    and s.nspname <> 'extensions'
$$, 'every function has a comment');

select * from finish();
rollback;
