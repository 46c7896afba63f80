-- No trigger on a table of ours reads transition tables (`referencing old table as ... new table as ...`)
-- (issue 10, kind 4). Citus runs the triggers of a distributed table on its shards, where a transition
-- table cannot be read: the trigger fails with "executor could not find named tuplestore", and with it
-- every write of the table (the stock journal's statement triggers made place_order fail so). Write such a
-- trigger for each row (NEW and OLD are plain values on a shard), or let the function that writes the
-- rows write what the trigger would.
begin;
select plan(1);

select is_empty($$
  select format('trigger %s on %s reads transition tables (%s)', t.tgname, c.oid::regclass,
    concat_ws(', ', 'old table ' || t.tgoldtable, 'new table ' || t.tgnewtable))
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join tests.linted_schemas s on s.oid = c.relnamespace
  where not t.tgisinternal
    and (t.tgoldtable is not null or t.tgnewtable is not null)
  order by 1
$$, 'no trigger reads transition tables (Citus cannot run them on shards)');

select * from finish();
rollback;
