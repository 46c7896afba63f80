-- What one event records: the tenant of the row (not the writer's), the table, the primary key, the
-- operation; for an insert the new row, for an update only the changed columns on both sides (an update
-- that changes nothing records nothing), for a delete the old row; the acting tenant and user (from
-- app.set_tenant), the role, the transaction id, the statement time and the application name; and who
-- wrote: the application, a seed loader (b2b-seed...) or the migrator (b2b-migrate), not nobody.
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select '00000000-0000-4000-8000-0000000000a1' as actor \gset
set local application_name = 'storefront';
select tests.act_as(:'alpha', :'actor');
insert into tenancy.staff_users (email, display_name) values ('ann@alpha.example', 'Ann')
returning staff_user_id as ann \gset
update tenancy.staff_users set display_name = 'Ann B.' where staff_user_id = :'ann';
update tenancy.staff_users set display_name = 'Ann B.' where staff_user_id = :'ann';
select txid_current() as txid \gset
select tests.clear_actor();

select results_eq(
  format($$select operation, row_key, old_values, new_values from audit.events
           where tenant_id = %L and table_name = 'tenancy.staff_users' order by occurred_at, operation$$, :'alpha'),
  format($$values ('insert', jsonb_build_object('tenant_id', %L::uuid, 'staff_user_id', %L::uuid), null::jsonb,
                   (select to_jsonb(s) || jsonb_build_object('display_name', 'Ann', 'updated_at', s.created_at) from tenancy.staff_users s where s.staff_user_id = %L)),
                  ('update', jsonb_build_object('tenant_id', %L::uuid, 'staff_user_id', %L::uuid),
                   jsonb_build_object('display_name', 'Ann'), jsonb_build_object('display_name', 'Ann B.'))$$,
    :'alpha', :'ann', :'ann', :'alpha', :'ann'),
  'an insert keeps the new row, an update only the changed column (old and new), a no-op update nothing');

select is((select count(distinct (actor_tenant_id, actor_user_id, actor_role, source, application_name, txid))::int
             from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users'), 1,
  'both events of the transaction have the same actor');
select is((select actor_tenant_id from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users' limit 1),
  :'alpha'::uuid, 'the acting tenant is app.set_tenant''s');
select is((select actor_user_id from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users' limit 1),
  :'actor'::uuid, 'the acting user is app.set_tenant''s');
select is((select actor_role from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users' limit 1),
  'b2b_app', 'the role is the one the writer acted as, not the capture function''s owner');
select is((select application_name || ' ' || source from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users' limit 1),
  'storefront application', 'the application name and the source');
select is((select txid from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users' limit 1),
  :'txid'::bigint, 'the transaction id');
select cmp_ok((select max(occurred_at) from audit.events where tenant_id = :'alpha' and table_name = 'tenancy.staff_users'),
  '>', now(), 'the time is the statement''s, not the transaction''s start');

-- a row written by the owner or a superuser without a tenant context is recorded under its own tenant
select tests.create_staff_user(:'alpha', 'root@alpha.example') as root_written \gset
select is((select actor_tenant_id is null and actor_user_id is null and actor_role = current_user from audit.events
            where tenant_id = :'alpha' and row_key ->> 'staff_user_id' = :'root_written'), true,
  'a row written without a tenant context is recorded under its own tenant, with no acting tenant or user');

-- the seed and the migrator say who they are through application_name
set local application_name = 'b2b-seed:demo';
select tests.create_staff_user(:'alpha', 'seeded@alpha.example') as seeded \gset
set local application_name = 'b2b-migrate';
update tenancy.staff_users set status = 'disabled' where staff_user_id = :'seeded';
select results_eq(
  format($$select operation || ' ' || source from audit.events
           where tenant_id = %L and row_key ->> 'staff_user_id' = %L order by occurred_at$$, :'alpha', :'seeded'),
  $$values ('insert seed'), ('update migration')$$,
  'seed writes are attributed to the seed, migration writes to the migration');

-- truncate: one event per tenant that had rows, none for a tenant without
select tests.create_tenant('beta') as beta \gset
select tests.create_tenant('gamma') as gamma \gset
select tests.create_staff_user(:'beta', 'bo@beta.example');
reset application_name;
truncate tenancy.memberships, tenancy.staff_users cascade;
select results_eq(
  $$select tenant_id, row_key from audit.events where table_name = 'tenancy.staff_users' and operation = 'truncate' order by 1$$,
  format($$select * from (values (%L::uuid, jsonb_build_object('tenant_id', %L::uuid)), (%L::uuid, jsonb_build_object('tenant_id', %L::uuid))) v order by 1$$,
    :'alpha', :'alpha', :'beta', :'beta'),
  'truncate records one event per tenant that had rows');
select is_empty(format($$select 1 from audit.events where tenant_id = %L and operation = 'truncate'$$, :'gamma'),
  'no truncate event for a tenant without rows');

select * from finish();
rollback;
