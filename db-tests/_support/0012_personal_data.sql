-- Personal data (issue 11): the data key of test databases, as @b2b/testing's TEST_DATA_KEY, and acting with it.
create or replace function tests.data_key() returns text
language sql immutable
as $$ select 'b2b-test-data-key-0000000000000000000000000000000000000000000000'::text $$;
comment on function tests.data_key() is 'The data key of test databases (public; @b2b/testing TEST_DATA_KEY).';

-- For the rest of the transaction: the test data key supplied, as withTenant({ dataKey }) supplies it.
create or replace function tests.use_data_key() returns void
language plpgsql
as $$
begin
  perform app.set_data_key(tests.data_key());
end
$$;
comment on function tests.use_data_key() is 'Supplies tests.data_key() for the rest of the transaction (app.set_data_key).';

grant execute on function tests.data_key(), tests.use_data_key() to b2b_app, b2b_readonly, b2b_analytics, b2b_support;

-- Tests act as b2b_support too (db-tests/support): pgTAP and the test helpers only, test databases only.
-- The proof that support reads nothing else of ours skips schemas tests and tap.
grant usage on schema tests, tap to b2b_support;
grant execute on all functions in schema tests, tap to b2b_support;

-- Every table (of tests.linted_tables) with a row of `tenant` (or any row, for tables without tenant_id)
-- whose whole text (to_jsonb of the row: every column, JSON snapshots included) contains `needle`,
-- case-insensitively: where a person's data is left after erasure. Run as a superuser (no RLS).
create or replace function tests.rows_containing(tenant uuid, needle text)
returns table (table_name text, matches bigint)
language plpgsql
as $$
declare
  t record;
begin
  for t in select l.qualified, l.oid from tests.linted_tables l order by 1 loop
    execute format('select count(*) from %s r where %s strpos(lower(to_jsonb(r)::text), lower($2)) > 0',
      t.qualified,
      case when exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'tenant_id' and not a.attisdropped)
        then 'r.tenant_id = $1 and' else '' end)
      into matches using tenant, needle;
    if matches > 0 then
      table_name := t.qualified;
      return next;
    end if;
  end loop;
end
$$;
comment on function tests.rows_containing(uuid, text) is
  'Tables with rows of the tenant whose text contains the needle (case-insensitive): what erasure left behind.';

-- Every foreign key of tests.linted_tables checked row by row (not trusting convalidated): the
-- constraint's name and how many rows point nowhere. Run as a superuser (no RLS).
create or replace function tests.foreign_key_violations()
returns table (constraint_name text, orphans bigint)
language plpgsql
as $$
declare
  k record;
begin
  for k in
    select c.conname, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
      (select string_agg(format('c.%I', a.attname), ', ' order by u.n) from unnest(c.conkey) with ordinality u(attnum, n)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = u.attnum) as child_cols,
      (select string_agg(format('p.%I', a.attname), ', ' order by u.n) from unnest(c.confkey) with ordinality u(attnum, n)
         join pg_attribute a on a.attrelid = c.confrelid and a.attnum = u.attnum) as parent_cols,
      (select string_agg(format('c.%I is not null', a.attname), ' and ') from unnest(c.conkey) u(attnum)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = u.attnum) as not_null
    from pg_constraint c join tests.linted_tables t on t.oid = c.conrelid
    where c.contype = 'f'
  loop
    execute format('select count(*) from %s c where %s and not exists (select 1 from %s p where (%s) = (%s))',
      k.child, k.not_null, k.parent, k.parent_cols, k.child_cols) into orphans;
    if orphans > 0 then
      constraint_name := k.conname;
      return next;
    end if;
  end loop;
end
$$;
comment on function tests.foreign_key_violations() is
  'Foreign keys with rows that reference nothing, checked row by row: empty when every key holds.';

-- The columns app.personal_data_columns marks as a buyer's (subject buyer) that, in the buyer's rows, hold
-- anything but their erasure value (null where the inventory gives none). Run as a superuser (no RLS).
create or replace function tests.erasure_leftovers(tenant uuid, buyer uuid)
returns table (column_name text, rows_left bigint)
language plpgsql
as $$
declare
  p record;
begin
  for p in
    select * from app.personal_data_columns c where c.personal and c.subject = 'buyer' order by 1, 2, 3
  loop
    execute format('select count(*) from %I.%I where tenant_id = $1 and %I = $2 and %I is distinct from %s',
      p.schema_name, p.table_name, p.subject_key, p.column_name, coalesce(p.erasure, 'null'))
      into rows_left using tenant, buyer;
    if rows_left > 0 then
      column_name := format('%s.%s.%s', p.schema_name, p.table_name, p.column_name);
      return next;
    end if;
  end loop;
end
$$;
comment on function tests.erasure_leftovers(uuid, uuid) is
  'Columns of the inventory with subject buyer that still hold something other than their erasure value in the buyer''s rows.';

-- The audit events of the buyer's rows (every table the inventory marks subject buyer, the rows whose
-- subject_key holds the buyer, and deleted rows whose events name the buyer) that still hold a personal column's value (app.personal_data_columns,
-- personal, of that table) other than null or its keyed hash ('erased:<hex>'), in old_values or new_values:
-- what erasure left in the trail. One row per event and column. Run as a superuser (no RLS).
create or replace function tests.audit_erasure_leftovers(tenant uuid, buyer uuid)
returns table (table_name text, event_id uuid, column_name text)
language plpgsql
as $$
declare
  t record;
begin
  for t in
    select distinct c.schema_name, c.table_name, c.subject_key
    from app.personal_data_columns c where c.personal and c.subject = 'buyer' order by 1, 2
  loop
    return query execute format($q$
      select e.table_name, e.event_id, v.key
      from audit.events e
      cross join lateral (
        select o.key, o.value from jsonb_each(coalesce(e.old_values, '{}')) o
        union all
        select n.key, n.value from jsonb_each(coalesce(e.new_values, '{}')) n) v
      where e.tenant_id = $1 and e.table_name = %L
        and (exists (select 1 from %I.%I r where r.tenant_id = $1 and r.%I = $2
                     and e.row_key = to_jsonb(r) - array(
                           select a.attname::text from pg_attribute a
                           where a.attrelid = %L::regclass and a.attnum > 0 and not a.attisdropped
                             and a.attname::text not in (
                               select x.attname::text from pg_constraint k
                               join pg_attribute x on x.attrelid = k.conrelid and x.attnum = any (k.conkey)
                               where k.conrelid = %L::regclass and k.contype = 'p')))
             -- rows that were the buyer's once (deleted since): their insert or delete event names the buyer
             or exists (select 1 from audit.events o where o.tenant_id = $1 and o.table_name = e.table_name
                         and o.row_key = e.row_key
                         and (o.old_values ->> %L = $2::text or o.new_values ->> %L = $2::text)))
        and v.key in (select p.column_name::text from app.personal_data_columns p
                      where p.personal and p.schema_name = %L and p.table_name = %L)
        and v.value <> 'null'::jsonb
        and not (jsonb_typeof(v.value) = 'string' and v.value #>> '{}' like 'erased:%%')
      order by 2, 3$q$,
      t.schema_name || '.' || t.table_name, t.schema_name, t.table_name, t.subject_key,
      format('%I.%I', t.schema_name, t.table_name), format('%I.%I', t.schema_name, t.table_name),
      t.subject_key, t.subject_key, t.schema_name, t.table_name)
    using tenant, buyer;
  end loop;
end
$$;
comment on function tests.audit_erasure_leftovers(uuid, uuid) is
  'Audit events of the buyer''s rows (inventory subject buyer) whose old or new values still hold a personal column in clear: what erasure left in the trail.';

-- Whether `key` opens the sealed value through app.decrypt_personal: true if it returns anything, false if
-- it raises B4102 (any other error propagates). The key is set for the call and the test key restored.
create or replace function tests.opens_with(sealed bytea, key text) returns boolean
language plpgsql
as $$
declare
  opened boolean;
begin
  perform set_config('app.data_key', key, true);
  begin
    perform app.decrypt_personal(sealed);
    opened := true;
  exception when sqlstate 'B4102' then
    opened := false;
  end;
  perform set_config('app.data_key', tests.data_key(), true);
  return opened;
end
$$;
comment on function tests.opens_with(bytea, text) is 'Whether the key opens the sealed value (false when app.decrypt_personal raises B4102).';
grant execute on function tests.opens_with(bytea, text) to b2b_app;
