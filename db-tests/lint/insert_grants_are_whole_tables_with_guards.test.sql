-- Insert privileges work on Citus and keep the columns the application may not set protected.
-- Citus sends every column of an INSERT to the shards, defaults included, so a column-level INSERT grant
-- refuses every insert on a distributed table: the application roles get INSERT on whole tables, and a
-- guard trigger (app.guard_inserted_columns, trg_<table>_before_insert_columns) names what they may not set.
-- The guard fires first among its table's BEFORE INSERT triggers (trigger names sort the firing order), so
-- a trigger that fills a guarded column (minor_units, path) runs after it; each rule fits its column's
-- default (a constant rule is the default; now, clock, uuid and user are the default's function); and every
-- column the database stamps (default now(), clock_timestamp(), app.current_user_id()) is guarded on every
-- table the application may insert into. Which columns each table guarded when the grants named columns is
-- pinned by db-tests/app/insert_guards/protect_every_column_the_grants_protected.test.sql. A stamped column
-- the application sets on purpose is a line in tests.lint_exceptions (rule 'database_stamps_are_guarded_on_insert',
-- object '<schema>.<table>.<column>') with its reason.
begin;
select plan(4);

create temporary table guard_rules on commit drop as
select t.oid as trigger_oid, t.tgrelid, t.tgname, t.tgtype, r.ordinality as position,
  split_part(r.arg, ':', 1) as column_name, substr(r.arg, length(split_part(r.arg, ':', 1)) + 2) as rule
from pg_catalog.pg_trigger t
cross join lateral unnest(string_to_array(encode(t.tgargs, 'escape'), '\000')) with ordinality r(arg, ordinality)
where t.tgfoid = 'app.guard_inserted_columns()'::regprocedure and r.arg <> '';

select is_empty($$
  select format('%s.%s: INSERT (%s) to %s', s.nspname, c.relname, a.attname, acl.grantee::regrole)
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_class c on c.oid = a.attrelid
  join tests.linted_schemas s on s.oid = c.relnamespace
  cross join lateral aclexplode(a.attacl) acl
  where a.attacl is not null and acl.privilege_type = 'INSERT'
    and acl.grantee in (select oid from pg_roles where rolname in ('b2b_app', 'b2b_readonly', 'b2b_analytics'))
$$, 'no column-level INSERT grant to an application role (Citus cannot honour it)');

select is_empty($$
  select format('%s: guard %s %s', t.tgrelid::regclass, t.tgname, problem)
  from pg_catalog.pg_trigger t
  cross join lateral (
    select 'is not BEFORE INSERT FOR EACH ROW' where (t.tgtype & 7) <> 7
    union all
    select format('is not named trg_%s_before_insert_columns', c.relname)
    from pg_catalog.pg_class c where c.oid = t.tgrelid and t.tgname <> format('trg_%s_before_insert_columns', c.relname)
    union all
    select format('fires after %s', o.tgname)
    from pg_catalog.pg_trigger o
    where o.tgrelid = t.tgrelid and not o.tgisinternal and (o.tgtype & 7) = 7 and o.tgname < t.tgname
  ) p(problem)
  where t.tgfoid = 'app.guard_inserted_columns()'::regprocedure
$$, 'each guard is BEFORE INSERT FOR EACH ROW, named trg_<table>_before_insert_columns, and fires first');

select is_empty($$
  select format('%s guard rule %s:%s %s', g.tgrelid::regclass, g.column_name, g.rule, problem)
  from guard_rules g
  left join pg_catalog.pg_attribute a
    on a.attrelid = g.tgrelid and a.attname = g.column_name and a.attnum > 0 and not a.attisdropped
  left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
  cross join lateral (select case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end) e(def)
  cross join lateral (
    select 'names no column' where a.attnum is null
    union all select 'names a generated column (PostgreSQL refuses a value for it anyway)' where a.attgenerated <> ''
    union all select format('does not fit the default %s', coalesce(e.def, 'null'))
    where a.attnum is not null and a.attgenerated = '' and not case g.rule
      when 'now' then e.def = 'now()'
      when 'clock' then e.def = 'clock_timestamp()'
      when 'uuid' then e.def = 'gen_random_uuid()'
      when 'user' then e.def = 'app.current_user_id()'
      when 'null' then e.def is null
      -- a constant: the default, printed as PostgreSQL prints a literal (0, 1, 'draft'::text)
      else e.def is not null and e.def ~ '^(-?[0-9.]+|''[^'']*''::text|true|false)$'
        and to_jsonb(case when e.def ~ '^''' then to_jsonb(split_part(e.def, '''', 2))
                          when e.def in ('true', 'false') then to_jsonb(e.def::boolean)
                          else to_jsonb(e.def::numeric) end) = g.rule::jsonb
      end
  ) p(problem)
$$, 'each guard rule names a stored column and fits its default (constant, null, now, clock, uuid, user)');

select is_empty($$
  select format('%s.%s: %s (default %s) is not guarded on insert', s.nspname, c.relname, a.attname,
    pg_get_expr(d.adbin, d.adrelid))
  from pg_catalog.pg_class c
  join tests.linted_schemas s on s.oid = c.relnamespace
  join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
  where c.relkind in ('r', 'p')
    and exists (select from pg_roles r where r.rolname in ('b2b_app', 'b2b_readonly', 'b2b_analytics')
                and has_table_privilege(r.oid, c.oid, 'INSERT'))
    and pg_get_expr(d.adbin, d.adrelid) in ('now()', 'clock_timestamp()', 'app.current_user_id()')
    and not exists (select from guard_rules g where g.tgrelid = c.oid and g.column_name = a.attname)
    and format('%s.%s.%s', s.nspname, c.relname, a.attname) not in
      (select object from tests.lint_exceptions where rule = 'database_stamps_are_guarded_on_insert')
$$, 'every column the database stamps (now(), clock_timestamp(), the acting user) is guarded where the application inserts');

select * from finish();
rollback;
