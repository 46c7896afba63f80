-- The trail is append-only for the application: b2b_app cannot insert, update or delete audit rows or
-- seals (no grant: 42501), cannot call the capture functions directly or the owner's maintenance
-- functions, and reads only its own tenant's events; another tenant sees none. Nobody updates or deletes
-- them in a plain statement (B4001, a trigger: the owner and superusers too), except through erasure.
begin;
select plan(14);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.act_as(:'alpha');
select tests.create_staff_user(:'alpha', 'ann@alpha.example') as ann \gset
select tests.clear_actor();
select audit.seal(:'alpha');
select tests.act_as(:'beta');
select tests.create_staff_user(:'beta', 'bob@beta.example');
select tests.clear_actor();

select tests.act_as(:'alpha');
select throws_ok(format($$insert into audit.events (tenant_id, table_name, row_key, operation, new_values, actor_role, source, application_name, txid)
  values (%L, 'tenancy.staff_users', '{}', 'insert', '{}', 'b2b_app', 'application', 'x', 1)$$, :'alpha'),
  '42501', null, 'b2b_app cannot insert an audit event');
select throws_ok($$update audit.events set source = 'seed'$$, '42501', null, 'b2b_app cannot update audit events');
select throws_ok($$delete from audit.events$$, '42501', null, 'b2b_app cannot delete audit events');
select throws_ok($$truncate audit.events$$, '42501', null, 'b2b_app cannot truncate audit events');
select throws_ok($$delete from audit.seals$$, '42501', null, 'b2b_app cannot delete seals');
select throws_ok($$update audit.seal_heads set seal_seq = 0$$, '42501', null, 'b2b_app cannot move the chain head');
select throws_ok($$select * from audit.chain_keys$$, '42501', null, 'b2b_app cannot read the chain keys');
select throws_ok(format($$select audit.seal(%L)$$, :'alpha'), '42501', null, 'b2b_app cannot run the sealing job');
select throws_ok(format($$select audit.verify(%L)$$, :'alpha'), '42501', null, 'b2b_app cannot run verify (it needs the key)');
select throws_ok($$select audit.detach_partition('audit.events_default')$$, '42501', null, 'b2b_app cannot detach a partition');
select ok((select count(*) from audit.events) > 0 and (select bool_and(tenant_id = :'alpha') from audit.events),
  'alpha reads its own events and only those');
select tests.act_as(:'beta');
select is_empty(format($$select 1 from audit.events where tenant_id = %L union all select 1 from audit.seals where tenant_id = %L$$, :'alpha', :'alpha'),
  'beta sees none of alpha''s events or seals');
select tests.clear_actor();

-- the owner and superusers are refused too (the trigger, not a grant)
select throws_ok($$update audit.events set source = 'seed'$$, 'B4001', 'audit rows are append-only', 'a superuser''s update of audit events is refused');
select throws_ok($$delete from audit.seals$$, 'B4001', 'audit rows are append-only', 'a superuser''s delete of seals is refused');

select * from finish();
rollback;
