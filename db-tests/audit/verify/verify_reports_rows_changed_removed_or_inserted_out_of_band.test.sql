-- audit.verify recomputes the chain and names every event a superuser changed, removed or inserted around
-- the capture trigger after sealing, and a chain rebuilt from scratch no longer passes through the head
-- exported before.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.act_as(:'alpha');
select tests.create_staff_user(:'alpha', 'ann@alpha.example') as ann \gset
select tests.create_staff_user(:'alpha', 'bea@alpha.example') as bea \gset
select tests.create_staff_user(:'alpha', 'cid@alpha.example') as cid \gset
update tenancy.staff_users set display_name = 'Ann B.' where staff_user_id = :'ann';
select tests.clear_actor();
select tests.act_as(:'beta');
select tests.create_staff_user(:'beta', 'bob@beta.example');
select tests.clear_actor();

select is(audit.seal(:'alpha'), 4, 'the sealing job seals alpha''s four events (three inserts, an update)');
select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'), 'a sealed, untouched trail verifies');
select audit.chain_head(:'alpha') as head \gset

-- out of band, as the superuser, around the append-only trigger
set local session_replication_role = replica;
update audit.events set new_values = jsonb_set(new_values, '{display_name}', '"Someone else"')
 where tenant_id = :'alpha' and operation = 'update';
delete from audit.events where tenant_id = :'alpha' and row_key ->> 'staff_user_id' = :'bea';
insert into audit.events (tenant_id, table_name, row_key, operation, new_values, actor_role, source, application_name, txid, occurred_at)
values (:'alpha', 'tenancy.staff_users', jsonb_build_object('tenant_id', :'alpha'::uuid, 'staff_user_id', gen_random_uuid()),
  'insert', '{"email": "ghost@alpha.example"}', 'b2b_app', 'application', 'storefront', 3, now() - interval '1 minute');
set local session_replication_role = origin;

select results_eq(format($$select * from tests.audit_problems(%L)$$, :'alpha'),
  $$values ('changed tenancy.staff_users update'), ('inserted tenancy.staff_users insert'), ('removed')$$,
  'verify names the changed, the removed and the inserted event, and nothing else');
select is_empty(format($$select * from audit.verify(%L)$$, :'beta'), 'another tenant''s trail is unaffected');
select is((select count(*)::int from audit.verify(:'alpha', now() - interval '1 hour', now() - interval '30 seconds')), 1,
  'verify''s time range: only the inserted event lies before the transaction');

-- a rewritten chain: seals deleted and made again over the tampered rows
set local session_replication_role = replica;
delete from audit.seals where tenant_id = :'alpha';
delete from audit.seal_heads where tenant_id = :'alpha';
set local session_replication_role = origin;
select audit.seal(:'alpha');
select results_eq(format($$select * from tests.audit_problems(%L)$$, :'alpha'), $$select null::text where false$$,
  'a chain rebuilt over the tampered rows verifies on its own ...');
select results_eq(format($$select * from tests.audit_problems(%L, %L)$$, :'alpha', :'head'), $$values ('head_mismatch')$$,
  '... but not against the head exported before');

select * from finish();
rollback;
