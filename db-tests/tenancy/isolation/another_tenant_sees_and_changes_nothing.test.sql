-- As the application role, a tenant cannot select, insert, update or delete another tenant's rows.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_staff_user(:'alpha', 'ann@alpha.example') as ann \gset
select tests.create_staff_user(:'beta', 'bob@beta.example') as bob \gset
insert into tenancy.memberships (tenant_id, staff_user_id, role) values (:'beta', :'bob', 'admin');

select tests.act_as(:'alpha');

-- select
select is((select count(*)::int from tenancy.tenants), 1, 'tenants: sees only its own tenant');
select is_empty(format('select 1 from tenancy.staff_users where tenant_id = %L', :'beta'),
  'staff_users: another tenant''s users are invisible');
select is_empty(format('select 1 from tenancy.memberships where tenant_id = %L', :'beta'),
  'memberships: another tenant''s memberships are invisible');

-- insert: the default takes the current tenant, and an explicit other tenant is refused (no grant)
select throws_ok(
  format($$insert into tenancy.staff_users (tenant_id, email, display_name) values (%L, 'x@beta.example', 'X')$$, :'beta'),
  '42501', null, 'staff_users: cannot insert a row for another tenant');
select lives_ok($$insert into tenancy.staff_users (email, display_name) values ('new@alpha.example', 'New')$$,
  'staff_users: inserts into its own tenant without naming it');
select is((select tenant_id from tenancy.staff_users where email = 'new@alpha.example'), :'alpha'::uuid,
  'staff_users: the new row belongs to the current tenant');
select throws_ok(
  format($$insert into tenancy.memberships (staff_user_id, role) values (%L, 'viewer')$$, :'bob'),
  '23503', null, 'memberships: cannot grant a role to another tenant''s user (composite foreign key)');

-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L,
    array['tenancy.tenants', 'tenancy.staff_users', 'tenancy.memberships'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s tenancy rows');

-- the other tenant's rows are untouched (checked as that tenant)
select tests.act_as(:'beta');
select is((select name from tenancy.tenants), 'Beta', 'beta''s tenant row is unchanged');
select is((select display_name from tenancy.staff_users where staff_user_id = :'bob'), 'bob', 'beta''s user is unchanged');
select is((select count(*)::int from tenancy.memberships), 1, 'beta''s membership is still there');

select * from finish();
rollback;
