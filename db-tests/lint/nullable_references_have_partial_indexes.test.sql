-- An index that serves a foreign key with a nullable column (its key columns are the key's columns) is
-- partial on them being not null: a row whose reference is null references nothing, and the foreign key's
-- checks look rows up by `column = value`, so an entry for it is work on every write and space for
-- nothing (the stock journal's opening movements have neither order nor return: 2,000,000 null entries
-- in two indexes of the large seed). Unique indexes are left out: a unique constraint cannot be partial.
begin;
select plan(1);

select is_empty($$
  select format('%s.%s', n.nspname, c.relname)
  from tests.linted_tables t
  join pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
  join pg_index i on i.indrelid = k.conrelid
  join pg_class c on c.oid = i.indexrelid
  join pg_namespace n on n.oid = c.relnamespace
  where not i.indisunique
    and i.indpred is null
    and i.indnkeyatts = cardinality(k.conkey)
    and (select array_agg(x order by x) from unnest(k.conkey) x)
      = (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(k.conkey) - 1]) x)
    and exists (
      select from unnest(k.conkey) x join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x
      where not a.attnotnull)
  group by n.nspname, c.relname
$$, 'every index serving a nullable foreign key is partial on it being not null');

select * from finish();
rollback;
