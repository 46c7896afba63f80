-- Every text column a person or an import fills (text, varchar, char, citext, json and jsonb of the
-- schemas tenancy, catalog, accounts and orders) has a length bound: a check constraint named
-- chk_<table>_<column>_length on that column, an enumeration of literal values (status in (...)), or a
-- foreign key to a column that is itself bounded. Generated columns are bounded by what they derive
-- from. Anything else is a documented exception in tests.lint_exceptions. Without a bound an 8,000-
-- character slug reaches the unique index and fails there with 54000 (index row too large).
begin;
select plan(2);

select is_empty($$
  with recursive cols as (
    select t.oid as relid, t.qualified, a.attnum, a.attname, a.atttypid, a.attgenerated
    from tests.linted_tables t
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
    where t.schema_name in ('tenancy', 'catalog', 'accounts', 'orders')
      and (a.atttypid in ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'jsonb'::regtype, 'json'::regtype)
           or pg_catalog.format_type(a.atttypid, null) ~ '(^|\.)citext$')
  ),
  bounded as (
    select c.relid, c.attnum
    from cols c
    where c.attgenerated <> ''
       or exists (
         select from pg_catalog.pg_constraint k
         where k.conrelid = c.relid and k.contype = 'c' and k.conkey = array[c.attnum]
           and (k.conname = format('chk_%s_%s_length', (select relname from pg_catalog.pg_class where oid = c.relid), c.attname)
                or pg_catalog.pg_get_constraintdef(k.oid) ~ '^CHECK \(\(\w+ = ANY \(ARRAY\[')
       )
    union
    select f.conrelid, f.conkey[i]
    from pg_catalog.pg_constraint f
    cross join lateral pg_catalog.generate_subscripts(f.conkey, 1) as i
    join bounded b on b.relid = f.confrelid and b.attnum = f.confkey[i]
    where f.contype = 'f'
  )
  select format('%s.%s (%s): no chk_<table>_<column>_length', c.qualified, c.attname, pg_catalog.format_type(c.atttypid, null))
  from cols c
  where not exists (select from bounded b where b.relid = c.relid and b.attnum = c.attnum)
    and not exists (
      select from tests.lint_exceptions e
      where e.rule = 'text_columns_are_bounded' and e.object = format('%s.%s', c.qualified, c.attname)
    )
$$, 'every text column people fill has a named length check (chk_<table>_<column>_length)');

-- A length check is a real bound: it compares the column's length with a constant.
select is_empty($$
  select format('%s.%s: %s', t.qualified, k.conname, pg_catalog.pg_get_constraintdef(k.oid))
  from tests.linted_tables t
  join pg_catalog.pg_constraint k on k.conrelid = t.oid and k.contype = 'c'
  where k.conname like 'chk\_%\_length'
    and pg_catalog.pg_get_constraintdef(k.oid) !~ '^CHECK \(\((char_length\(\w+\)|octet_length\(\(\w+\)::text\)) <= \d+\)\)$'
$$, 'every chk_<table>_<column>_length compares char_length (or the JSON text''s octet_length) with a constant');

select * from finish();
rollback;
