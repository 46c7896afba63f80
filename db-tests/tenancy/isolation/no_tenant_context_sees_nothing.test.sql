-- With no tenant set, the application role sees nothing and cannot write.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_staff_user(:'alpha', 'ann@alpha.example') as ann \gset

select tests.act_as(null);

select is((select count(*)::int from tenancy.tenants), 0, 'tenants: nothing visible');
select is((select count(*)::int from tenancy.staff_users), 0, 'staff_users: nothing visible');
select is((select count(*)::int from tenancy.memberships), 0, 'memberships: nothing visible');
select isnt_empty('select 1 from tenancy.staff_roles', 'shared reference data (staff_roles) stays readable');
select throws_ok($$insert into tenancy.staff_users (email, display_name) values ('x@alpha.example', 'X')$$,
  'B2001', null, 'inserting without a tenant context fails with B2001');

select * from finish();
rollback;
