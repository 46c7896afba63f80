-- PUBLIC holds no privilege on our schemas, tables, sequences or functions (functions are executable by
-- PUBLIC unless revoked: the default ACL counts), nor on the database beyond what PostgreSQL requires.
begin;
select plan(4);

select is_empty($$
  select format('schema %s: %s', s.nspname, acl.privilege_type)
  from tests.linted_schemas s join pg_namespace n on n.oid = s.oid,
  aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) acl
  where acl.grantee = 0
$$, 'no schema privilege is granted to PUBLIC');

select is_empty($$
  select format('%s %s: %s', case c.relkind when 'S' then 'sequence' else 'table' end, c.oid::regclass, acl.privilege_type)
  from pg_class c join tests.linted_schemas s on s.oid = c.relnamespace,
  aclexplode(coalesce(c.relacl, acldefault(case c.relkind when 'S' then 's' else 'r' end::"char", c.relowner))) acl
  where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and acl.grantee = 0
$$, 'no table, view or sequence privilege is granted to PUBLIC');

select is_empty($$
  select format('function %s: %s', p.oid::regprocedure, acl.privilege_type)
  from pg_proc p join tests.linted_schemas s on s.oid = p.pronamespace,
  aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
  where acl.grantee = 0
    and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
$$, 'no function is executable by PUBLIC');

select is_empty($$
  select format('database %s: %s', d.datname, acl.privilege_type)
  from pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) acl
  where d.datname = current_database() and acl.grantee = 0
$$, 'PUBLIC may not connect to or create in the database');

select * from finish();
rollback;
