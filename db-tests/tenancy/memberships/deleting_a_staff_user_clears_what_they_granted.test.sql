-- A staff user who granted roles can be deleted: the memberships they granted stay, with granted_by null
-- (ON DELETE SET NULL did this until Citus refused that action on distributed tables; a BEFORE DELETE
-- trigger does it now, in the same tenant). Their own memberships go with them (ON DELETE CASCADE).
-- Another tenant's memberships are untouched. As b2b_app.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_staff_user(:'alpha', 'granter@alpha.example') as granter \gset
select tests.create_staff_user(:'alpha', 'grantee@alpha.example') as grantee \gset
select tests.create_staff_user(:'beta', 'granter@beta.example') as beta_granter \gset
select tests.create_staff_user(:'beta', 'grantee@beta.example') as beta_grantee \gset
insert into tenancy.memberships (tenant_id, staff_user_id, role, granted_by) values
  (:'alpha', :'granter', 'owner', null),
  (:'alpha', :'grantee', 'admin', :'granter'),
  (:'alpha', :'grantee', 'viewer', :'granter'),
  (:'beta', :'beta_grantee', 'admin', :'beta_granter');

select set_config('app.tenant_id', :'alpha', true);
set local role b2b_app;
select lives_ok(format('delete from tenancy.staff_users where staff_user_id = %L', :'granter'),
  'a staff user who granted roles can be deleted');
select results_eq(format($$select role, granted_by from tenancy.memberships where staff_user_id = %L order by role$$, :'grantee'),
  $$values ('admin'::text, null::uuid), ('viewer', null)$$,
  'the roles they granted stay, without a grantor');
select is_empty(format('select from tenancy.memberships where staff_user_id = %L', :'granter'),
  'their own memberships are deleted with them');
select lives_ok('set constraints all immediate', 'every key holds');
reset role;
select is((select granted_by from tenancy.memberships where staff_user_id = :'beta_grantee'), :'beta_granter'::uuid,
  'another tenant''s grantor is untouched');

select * from finish();
rollback;
