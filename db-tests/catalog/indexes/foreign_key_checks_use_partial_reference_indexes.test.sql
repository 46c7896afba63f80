-- A partial index on a nullable reference (lint nullable_references_have_partial_indexes) still serves its
-- foreign key: the check PostgreSQL runs when a referenced row is deleted or its key changes looks the
-- referencing rows up by `column = $n`, in a generic plan, which implies `column is not null`. For every
-- such index of the schema, indexes added later included, the generic plan of that check query (as
-- ri_triggers.c writes it) must read the index. Sequential scans are off: this checks that the index is
-- usable, not the planner's choice on small tables.
begin;
select plan(2);

create function pg_temp.check_plan(p_fk oid) returns text
language plpgsql as $$
declare
  k record;
  cond text;
  types text;
  line text;
  plan text := '';
begin
  select c.conrelid::regclass as tbl, c.conkey into k from pg_constraint c where c.oid = p_fk;
  select string_agg(format('$%s operator(pg_catalog.=) %I', n, a.attname), ' and ' order by n),
         string_agg(format_type(a.atttypid, a.atttypmod), ', ' order by n)
    into cond, types
    from unnest(k.conkey) with ordinality x(attnum, n)
    join pg_attribute a on a.attrelid = k.tbl and a.attnum = x.attnum;
  execute format('prepare fk_check(%s) as select 1 from only %s x where %s for key share of x', types, k.tbl, cond);
  for line in execute format('explain (costs off) execute fk_check(%s)',
      (select string_agg('null', ', ') from unnest(k.conkey))) loop
    plan := plan || line || e'\n';
  end loop;
  deallocate fk_check;
  return plan;
end
$$;

set local enable_seqscan = off;
set local plan_cache_mode = force_generic_plan;

create temp table partial_reference_indexes as
select k.oid as fk, k.conname, ic.relname as index_name
from tests.linted_tables t
join pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
join pg_index i on i.indrelid = k.conrelid and i.indpred is not null and not i.indisunique
join pg_class ic on ic.oid = i.indexrelid
where (select array_agg(x order by x) from unnest(k.conkey) x)
    = (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(k.conkey) - 1]) x)
  and exists (
    select from unnest(k.conkey) x join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x
    where not a.attnotnull);

select cmp_ok((select count(*) from partial_reference_indexes)::int, '>=', 12,
  'the schema has partial indexes on nullable references (at least the 12 of 20261203600000)');

select is_empty($$
  select format('%s: %s', conname, index_name) from partial_reference_indexes
  where pg_temp.check_plan(fk) !~ ('Index (Only )?Scan using ' || index_name || ' |Bitmap Index Scan on ' || index_name || '\n')
$$, 'the generic plan of every foreign key check on a nullable reference reads its partial index');

select * from finish();
rollback;
