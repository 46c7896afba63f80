-- Every GIN index of a linted table writes its entries into the index as they come (fastupdate off), with
-- no pending list: a pending list is one per index, shared by every tenant, and read whole by every scan,
-- so one tenant's bulk writes would slow every tenant's searches and filters until a vacuum
-- (docs/benchmarks.md, Suite catalog, search after a bulk of writes).
begin;
select plan(1);

select is_empty($$
  select format('%s.%s', n.nspname, c.relname)
  from tests.linted_tables t
  join pg_index i on i.indrelid = t.oid
  join pg_class c on c.oid = i.indexrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_am am on am.oid = c.relam
  where am.amname = 'gin'
    and not coalesce('fastupdate=off' = any (c.reloptions), false)
$$, 'every GIN index is built with fastupdate = off (no pending list shared by the tenants)');

select * from finish();
rollback;
