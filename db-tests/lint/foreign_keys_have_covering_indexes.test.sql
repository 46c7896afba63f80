-- Every foreign key has an index whose leading columns are the key's columns, so deletes and
-- updates of the referenced row do not scan the referencing table. The index may be partial on its own
-- columns being not null (nullable_references_have_partial_indexes): the foreign key's checks look rows
-- up by `column = value`, which implies it.
begin;
select plan(1);

select is_empty($$
  select format('%s.%s (%s)', t.qualified, k.conname,
    (select string_agg(a.attname, ', ') from unnest(k.conkey) c(n) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = c.n))
  from tests.linted_tables t
  join pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
  where not exists (
    select from pg_index i
    where i.indrelid = k.conrelid
      and (i.indpred is null or not exists (
        -- ((a IS NOT NULL) AND (b IS NOT NULL)): every conjunct is one of the key's columns not null
        select from regexp_split_to_table(btrim(pg_get_expr(i.indpred, i.indrelid), '()'), '\) AND \(') p
        where coalesce(substring(p from '^(\w+) IS NOT NULL$'), '') not in (
          select a.attname from unnest(k.conkey) c(n) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = c.n)))
      and (select array_agg(x order by x) from unnest(k.conkey) x)
        = (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(k.conkey) - 1]) x)
  )
$$, 'every foreign key has a covering index (leading columns = the key''s columns)');

select * from finish();
rollback;
