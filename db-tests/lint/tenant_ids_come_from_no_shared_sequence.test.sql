-- Numbers handed to a tenant reveal nothing about other tenants: no column of a tenant table is an
-- identity column, has a default that draws from a sequence (nextval, serial), or owns a sequence. A
-- sequence is shared by every tenant, so a tenant that sees its own ids jump learns how much the others
-- wrote (and an id used as a page cursor would leak it again). Use gen_random_uuid(), or a per-tenant
-- counter where a number is needed (orders.order_state_history.transition_number counts per order).
begin;
select plan(2);

select cmp_ok((select count(*)::int from tests.linted_tables where has_tenant_id), '>=', 20,
  'the lint sees the tenant tables of every domain');

select is_empty($$
  select t.qualified || '.' || a.attname || ': ' || case
      when a.attidentity <> '' then 'identity column'
      when d.oid is not null and pg_get_expr(d.adbin, d.adrelid) ~* 'nextval' then
        'default from a sequence (' || pg_get_expr(d.adbin, d.adrelid) || ')'
      else 'default depends on a sequence'
    end
  from tests.linted_tables t
  join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
  left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
  where t.has_tenant_id
    and (
      a.attidentity <> ''
      or pg_get_expr(d.adbin, d.adrelid) ~* 'nextval'
      -- a default that names a sequence some other way (a wrapper function is not seen; nextval text is)
      or exists (
        select from pg_catalog.pg_depend dep join pg_catalog.pg_class s on s.oid = dep.refobjid
        where dep.classid = 'pg_catalog.pg_attrdef'::regclass and dep.objid = d.oid and s.relkind = 'S')
      -- a sequence owned by the column (serial, or `owned by`)
      or exists (
        select from pg_catalog.pg_depend dep join pg_catalog.pg_class s on s.oid = dep.objid
        where dep.classid = 'pg_catalog.pg_class'::regclass and s.relkind = 'S'
          and dep.refobjid = t.oid and dep.refobjsubid = a.attnum)
    )
    and t.qualified || '.' || a.attname not in
      (select object from tests.lint_exceptions where rule = 'tenant_ids_from_no_shared_sequence')
  order by 1
$$, 'no column of a tenant table takes its value from a sequence shared across tenants');

select * from finish();
rollback;
