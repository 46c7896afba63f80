-- Inputs that broke audit triggers elsewhere (docs/audit.md, "Cases from other audit triggers"), each tried on
-- the capture trigger: an update that changes nothing but the BEFORE trigger's updated_at (noise in
-- Cap-go/capgo.app#2905; versions of unchanged rows in arkhipov/temporal_tables#32); an update then a delete of
-- one row in one transaction (only the first change kept: nearform/temporal_tables#14, #69); an upsert
-- (INSERT ... ON CONFLICT DO UPDATE: three events from a BEFORE trigger, grmkris/drizzle-pg-notify-audit-table#2)
-- and MERGE; a key added to a jsonb column (missed by pgMemento/pgMemento#9); a stored generated column (NULL
-- in a BEFORE trigger); a toasted value; COPY (pgaudit's WRITE class); and the ways around a trigger
-- (session_replication_role, DISABLE TRIGGER, TRUNCATE), which b2b_app does not have.
begin;
select plan(14);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Bolt') as bolt \gset
-- a staff user last touched yesterday (as a row is in any later transaction)
insert into tenancy.staff_users (tenant_id, email, display_name, created_at, updated_at)
values (:'alpha', 'ann@alpha.example', 'Ann', now() - interval '1 day', now() - interval '1 day')
returning staff_user_id as ann \gset

select tests.act_as(:'alpha');
update tenancy.staff_users set display_name = display_name where staff_user_id = :'ann';
select tests.clear_actor();
select is_empty(format($$select 1 from audit.events where tenant_id = %L and operation = 'update'
                          and row_key ->> 'staff_user_id' = %L$$, :'alpha', :'ann'),
  'an update that changes nothing but updated_at (set by the BEFORE trigger) records nothing');

-- update then delete of one row in one transaction: both recorded, in order
select tests.act_as(:'alpha');
insert into tenancy.staff_users (email, display_name) values ('bo@alpha.example', 'Bo') returning staff_user_id as bo \gset
update tenancy.staff_users set display_name = 'Bo B.' where staff_user_id = :'bo';
update tenancy.staff_users set display_name = 'Bo C.' where staff_user_id = :'bo';
delete from tenancy.staff_users where staff_user_id = :'bo';
select tests.clear_actor();
select results_eq(
  format($$select operation, coalesce(new_values ->> 'display_name', old_values ->> 'display_name') from audit.events
            where tenant_id = %L and row_key ->> 'staff_user_id' = %L order by occurred_at$$, :'alpha', :'bo'),
  $$values ('insert', 'Bo'), ('update', 'Bo B.'), ('update', 'Bo C.'), ('delete', 'Bo C.')$$,
  'every change of a row in one transaction is recorded, in order, the delete too');

-- upsert as b2b_app: an existing row is one update, a new one one insert, DO NOTHING nothing
select tests.act_as(:'alpha');
insert into catalog.product_translations (product_id, locale, name, slug)
values (:'bolt', 'en', 'Bolt M8', 'bolt-m8-upsert')
on conflict (tenant_id, product_id, locale) do update set name = excluded.name, slug = excluded.slug;
insert into catalog.product_translations (product_id, locale, name, slug)
values (:'bolt', 'de', 'Schraube', 'schraube-upsert')
on conflict (tenant_id, product_id, locale) do update set name = excluded.name;
insert into catalog.product_translations (product_id, locale, name, slug)
values (:'bolt', 'de', 'Schraube 2', 'schraube-2')
on conflict (tenant_id, product_id, locale) do nothing;
select tests.clear_actor();
select results_eq(
  format($$select row_key ->> 'locale', operation, coalesce(new_values ->> 'name', '')
             from audit.events where tenant_id = %L and table_name = 'catalog.product_translations' and actor_role = 'b2b_app'
            order by occurred_at$$, :'alpha'),
  $$values ('en', 'update', 'Bolt M8'), ('de', 'insert', 'Schraube')$$,
  'an upsert records one update of the existing row or one insert of the new one; ON CONFLICT DO NOTHING records nothing');

-- MERGE as b2b_app: its update, insert and delete are each recorded
select tests.act_as(:'alpha');
merge into catalog.product_translations t
using (values (:'bolt'::uuid, 'en', 'Bolt M8 zinc'), (:'bolt'::uuid, 'fr', 'Boulon')) s(product_id, locale, name)
   on t.tenant_id = :'alpha' and t.product_id = s.product_id and t.locale = s.locale
 when matched then update set name = s.name
 when not matched then insert (product_id, locale, name, slug) values (s.product_id, s.locale, s.name, 'boulon-merge');
merge into catalog.product_translations t
using (values (:'bolt'::uuid, 'de')) s(product_id, locale)
   on t.tenant_id = :'alpha' and t.product_id = s.product_id and t.locale = s.locale
 when matched then delete;
select tests.clear_actor();
select results_eq(
  format($$select row_key ->> 'locale', operation from audit.events
            where tenant_id = %L and table_name = 'catalog.product_translations' and actor_role = 'b2b_app'
            order by occurred_at, row_key ->> 'locale' offset 2$$, :'alpha'),
  $$values ('en', 'update'), ('fr', 'insert'), ('de', 'delete')$$,
  'MERGE records its update, insert and delete');

-- a key added to a jsonb column is a change
insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type)
values (:'alpha', 'color', 'text'), (:'alpha', 'sizes', 'text_list');
select tests.act_as(:'alpha');
update catalog.products set attributes = attributes || '{"color": "red"}' where product_id = :'bolt';
update catalog.products set attributes = attributes || '{"sizes": ["M8"]}' where product_id = :'bolt';
select tests.clear_actor();
select results_eq(
  format($$select old_values -> 'attributes', new_values -> 'attributes' from audit.events
            where tenant_id = %L and table_name = 'catalog.products' and operation = 'update' order by occurred_at$$, :'alpha'),
  $$values ('{}'::jsonb, '{"color": "red"}'::jsonb), ('{"color": "red"}', '{"sizes": ["M8"], "color": "red"}')$$,
  'a key added to a jsonb column is recorded as a change');

-- stored generated columns are recorded as computed (an AFTER trigger sees them; a BEFORE trigger would not)
select tests.create_warehouse(:'alpha', 'W1') as w1 \gset
select tests.create_variant(:'alpha', :'bolt', 'BOLT-1') as v1 \gset
select tests.set_stock(:'alpha', :'v1', :'w1', 7);
select is(
  (select (new_values ->> 'available')::int from audit.events
    where tenant_id = :'alpha' and table_name = 'catalog.stock_levels' order by occurred_at desc, event_id desc limit 1),
  7, 'a stored generated column (stock_levels.available) is recorded with its computed value');
select is(
  (select new_values ->> 'search_vector' from audit.events
    where tenant_id = :'alpha' and table_name = 'catalog.product_translations' and operation = 'insert'
      and row_key ->> 'locale' = 'fr'),
  (select search_vector::text from catalog.product_translations where tenant_id = :'alpha' and product_id = :'bolt' and locale = 'fr'),
  'the generated search_vector is recorded as the row holds it');

-- a toasted value (9,000 characters, stored out of line): recorded whole when it changes, not at all otherwise
select string_agg(md5(i::text || random()::text), '') as long_text from generate_series(1, 282) i \gset
select tests.act_as(:'alpha');
update catalog.product_translations set description = left(:'long_text', 9000) where product_id = :'bolt' and locale = 'fr';
update catalog.product_translations set name = 'Boulon M8' where product_id = :'bolt' and locale = 'fr';
select tests.clear_actor();
select cmp_ok(
  (select pg_column_size(description) from catalog.product_translations
    where tenant_id = :'alpha' and product_id = :'bolt' and locale = 'fr'),
  '>', 2032, 'the description is stored out of line (over the TOAST threshold even compressed)');
select results_eq(
  format($$select new_values ? 'description', coalesce(length(new_values ->> 'description'), 0), old_values ? 'name'
             from audit.events where tenant_id = %L and table_name = 'catalog.product_translations'
              and row_key ->> 'locale' = 'fr' and operation = 'update' order by occurred_at$$, :'alpha'),
  $$values (true, 9000, false), (false, 0, true)$$,
  'the toasted description is recorded whole when it changes, and left out of an update of the name');
select is(
  (select new_values ->> 'description' from audit.events where tenant_id = :'alpha' and table_name = 'catalog.product_translations'
      and row_key ->> 'locale' = 'fr' and operation = 'update' and new_values ? 'description'),
  left(:'long_text', 9000), 'the recorded long value is the value written');

-- COPY fires the row trigger: a seed loader's COPY is recorded as the seed's inserts
select app.set_tenant(:'alpha', null);
set local application_name = 'b2b-seed:test';
copy tenancy.staff_users (email, display_name) from stdin;
copy1@alpha.example	Copy One
copy2@alpha.example	Copy Two
\.
reset application_name;
select tests.clear_actor();
select results_eq(
  format($$select new_values ->> 'email', operation, source from audit.events
            where tenant_id = %L and table_name = 'tenancy.staff_users' and new_values ->> 'email' like 'copy%%' order by 1$$, :'alpha'),
  $$values ('copy1@alpha.example', 'insert', 'seed'), ('copy2@alpha.example', 'insert', 'seed')$$,
  'rows loaded with COPY are recorded, attributed to the seed');

-- the ways around a row trigger are not b2b_app's
select tests.act_as(:'alpha');
select throws_ok($$set session_replication_role = replica$$, '42501', null,
  'b2b_app cannot set session_replication_role = replica (which fires no ordinary trigger)');
select throws_ok($$alter table tenancy.staff_users disable trigger trg_staff_users_zz_audit$$, '42501', null,
  'b2b_app cannot disable the capture trigger');
select throws_ok($$truncate tenancy.staff_users$$, '42501', null, 'b2b_app cannot truncate an audited table');
select tests.clear_actor();
select * from finish();
rollback;
