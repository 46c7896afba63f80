-- The tests helpers do what security and time-dependent tests rely on.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset

select tests.act_as(:'alpha', '00000000-0000-4000-8001-00000000000a');
select is(current_user::text, 'b2b_app', 'act_as: current_user is the application role');
select is(app.current_tenant_id(), :'alpha'::uuid, 'act_as: the tenant context is set');
select is(app.current_user_id(), '00000000-0000-4000-8001-00000000000a'::uuid, 'act_as: the user context is set');

select tests.act_as(:'alpha', null, 'b2b_readonly');
select is(current_user::text, 'b2b_readonly', 'act_as: any of our roles can be acted as');

select tests.clear_actor();
select is(current_user::text, session_user::text, 'clear_actor: back to the session role');
select is(app.current_tenant_id(), null, 'clear_actor: no tenant context');

select tests.freeze_now('2030-01-02 03:04:05+00');
select is(now(), '2030-01-02 03:04:05+00'::timestamptz, 'freeze_now: unqualified now() returns the frozen instant');
select isnt(pg_catalog.now(), '2030-01-02 03:04:05+00'::timestamptz, 'freeze_now: pg_catalog.now() is untouched');

select * from finish();
rollback;
