-- On tenant tables, tenant_id leads every primary key and unique constraint, and every foreign key
-- between two tenant tables carries tenant_id on both sides, so no row can point into another tenant.
begin;
select plan(3);

select is_empty($$
  select t.qualified || ': has no primary key'
  from tests.linted_tables t
  where not exists (select from pg_constraint k where k.conrelid = t.oid and k.contype = 'p')
$$, 'every table has a primary key');

select is_empty($$
  select format('%s.%s', t.qualified, k.conname)
  from tests.linted_tables t
  join pg_constraint k on k.conrelid = t.oid and k.contype in ('p', 'u', 'x')
  join pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
  where t.has_tenant_id and a.attname <> 'tenant_id'
    and format('%s.%s', t.qualified, k.conname) not in
      (select object from tests.lint_exceptions where rule = 'unique_keys_lead_with_tenant_id')
$$, 'tenant_id leads every primary key, unique and exclusion constraint of tenant tables');

select is_empty($$
  select format('%s.%s -> %s', t.qualified, k.conname, k.confrelid::regclass)
  from tests.linted_tables t
  join pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
  join tests.linted_tables r on r.oid = k.confrelid
  where t.has_tenant_id and r.has_tenant_id
    and not exists (
      select from unnest(k.conkey, k.confkey) as pair(col, refcol)
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = pair.col
      join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = pair.refcol
      where a.attname = 'tenant_id' and ra.attname = 'tenant_id'
    )
$$, 'every foreign key between tenant tables matches tenant_id to tenant_id');

select * from finish();
rollback;
