-- app.check_tenant: the routing argument of an entry point must be the tenant of the transaction that RLS
-- enforces. Another tenant's id (B2002), a null argument (B2002) and no tenant context at all (B2001) are
-- refused, as b2b_app.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset

select app.set_tenant(null);
set local role b2b_app;
select throws_ok(format('select app.check_tenant(%L)', :'alpha'), 'B2001', null,
  'with no tenant context the call is refused (B2001)');
select app.set_tenant(:'alpha');
select is(app.check_tenant(:'alpha'), :'alpha'::uuid, 'the transaction''s own tenant is returned');
select throws_ok(format('select app.check_tenant(%L)', :'beta'), 'B2002', null,
  'another tenant''s id is refused (B2002)');
select throws_ok('select app.check_tenant(null)', 'B2002', null, 'a null tenant argument is refused (B2002)');

select * from finish();
rollback;
