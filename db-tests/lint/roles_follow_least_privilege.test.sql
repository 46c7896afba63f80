-- The application, read-only and analytics roles are plain: no superuser, no BYPASSRLS, own nothing,
-- and cannot become the owner role.
begin;
select plan(3);

select is_empty($$
  select r.rolname
  from pg_roles r
  where r.rolname in ('b2b_app', 'b2b_readonly', 'b2b_analytics', 'b2b_support')
    and (r.rolsuper or r.rolbypassrls or r.rolcreaterole or r.rolcreatedb or r.rolreplication)
$$, 'b2b_app, b2b_readonly, b2b_analytics and b2b_support have no superuser, BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION');

select is_empty($$
  select format('%s owns %s', r.rolname, o.object)
  from (
    select c.relowner as owner_oid, c.oid::regclass::text as object from pg_class c
    union all select p.proowner, p.oid::regprocedure::text from pg_proc p
    union all select n.nspowner, 'schema ' || n.nspname from pg_namespace n
    union all select t.typowner, 'type ' || t.oid::regtype::text from pg_type t
  ) o(owner_oid, object)
  join pg_roles r on r.oid = o.owner_oid
  where r.rolname in ('b2b_app', 'b2b_readonly', 'b2b_analytics', 'b2b_support')
$$, 'the application, read-only and analytics roles own nothing');

select is_empty($$
  select format('%s is a member of %s', m.member::regrole, m.roleid::regrole)
  from pg_auth_members m
  where m.member::regrole::text in ('b2b_app', 'b2b_readonly', 'b2b_analytics', 'b2b_support')
$$, 'the application roles are members of no other role (cannot become the owner)');

select * from finish();
rollback;
