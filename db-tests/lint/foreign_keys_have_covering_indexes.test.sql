-- Every foreign key has an index whose leading columns are the key's columns, so deletes and
-- updates of the referenced row do not scan the referencing table. The index may be partial on its own
-- columns being not null (nullable_references_have_partial_indexes): the foreign key's checks look rows
-- up by `column = value`, which implies it. Or, a full index whose leading columns are some of the key's
-- columns that reference a unique key of the referenced table (an order line's (tenant_id, order_id,
-- minor_units) key is served by its primary key (tenant_id, order_id, line_number): (tenant_id, order_id)
-- is the order's primary key, so the rows under that prefix are exactly the rows that reference it).
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
  and not exists (
    -- the first n columns of a full index are key columns whose referenced columns are a unique key
    select from pg_index i
    cross join generate_series(1, cardinality(k.conkey) - 1) n
    where i.indrelid = k.conrelid and i.indpred is null and i.indnkeyatts >= n
      and (select bool_and(c = any (k.conkey)) from unnest((i.indkey::int2[])[0:n - 1]) c)
      and exists (
        select from pg_index u
        where u.indrelid = k.confrelid and u.indisunique and u.indpred is null and u.indnkeyatts = n
          and (select array_agg(x order by x) from unnest((u.indkey::int2[])[0:n - 1]) x)
            = (select array_agg(k.confkey[array_position(k.conkey, c)] order by k.confkey[array_position(k.conkey, c)])
               from unnest((i.indkey::int2[])[0:n - 1]) c))
  )
$$, 'every foreign key has a covering index (leading columns = the key''s columns, or some of them that reference a unique key)');

select * from finish();
rollback;
