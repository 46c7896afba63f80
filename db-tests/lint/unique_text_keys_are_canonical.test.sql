-- Every text column of a unique key (constraint or unique index, expression indexes included) of the
-- schemas tenancy, catalog, accounts and orders is kept in canonical form by a BEFORE INSERT OR UPDATE
-- row trigger running app.canonicalize() with that column among its arguments, so two spellings a
-- person calls equal (NFC and NFD, upper and lower case, a trailing NBSP) collide on the key. Columns
-- whose values come from elsewhere are skipped: an enumeration of literals, or a foreign key (the
-- referenced key decides). Anything else is a documented exception in tests.lint_exceptions.
begin;
select plan(1);

select is_empty($$
  with key_columns as (
    select distinct t.oid as relid, t.qualified, a.attnum, a.attname, ci.relname as key_name
    from tests.linted_tables t
    join pg_catalog.pg_index i on i.indrelid = t.oid and i.indisunique
    join pg_catalog.pg_class ci on ci.oid = i.indexrelid
    -- the index's plain columns, and the columns inside its expressions (recorded in pg_depend)
    cross join lateral (
      select k.attnum from pg_catalog.unnest(i.indkey::int2[]) as k(attnum) where k.attnum > 0
      union
      select d.refobjsubid from pg_catalog.pg_depend d
      where d.classid = 'pg_class'::regclass and d.objid = i.indexrelid
        and d.refclassid = 'pg_class'::regclass and d.refobjid = t.oid and d.refobjsubid > 0
    ) as c
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = c.attnum
    where t.schema_name in ('tenancy', 'catalog', 'accounts', 'orders')
      and (a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
           or pg_catalog.format_type(a.atttypid, null) ~ '(^|\.)citext$')
  )
  select format('%s.%s (in %s): no canonicalizing trigger', k.qualified, k.attname, k.key_name)
  from key_columns k
  where not exists (
      select from pg_catalog.pg_trigger g
      where g.tgrelid = k.relid
        and g.tgenabled <> 'D'
        and g.tgfoid = 'app.canonicalize()'::regprocedure
        and (g.tgtype & 23) = 23 -- row, before, insert, update
        and (g.tgattr::int2[] = '{}' or k.attnum = any (g.tgattr::int2[]))
        and exists (
          select from pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.encode(g.tgargs, 'escape'), '\000')) as arg
          where pg_catalog.split_part(arg, ':', 1) = k.attname
        )
    )
    -- enumerated values
    and not exists (
      select from pg_catalog.pg_constraint c
      where c.conrelid = k.relid and c.contype = 'c' and c.conkey = array[k.attnum]
        and pg_catalog.pg_get_constraintdef(c.oid) ~ '^CHECK \(\(\w+ = ANY \(ARRAY\['
    )
    -- values of a referenced key
    and not exists (
      select from pg_catalog.pg_constraint f
      where f.conrelid = k.relid and f.contype = 'f' and k.attnum = any (f.conkey)
    )
    and not exists (
      select from tests.lint_exceptions e
      where e.rule = 'unique_text_keys_are_canonical' and e.object = format('%s.%s', k.qualified, k.attname)
    )
  order by 1
$$, 'every text column of a unique key is canonicalized by app.canonicalize() (or is an exception)');

select * from finish();
rollback;
