-- Every audited table (every table with the capture trigger, from the catalog, so a table added later is
-- covered) records each operation: insert (beta's world, written through the packages' functions as
-- b2b_app), update, delete and truncate (written by the session's superuser with
-- session_replication_role = replica, so that foreign keys, guards and append-only triggers step aside
-- and every table can take each statement; the capture triggers are set ENABLE ALWAYS for this
-- transaction so they still fire, as they do in normal operation).
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 100, prefix => 'bolt') \gset b_

-- beta's world: a row in every tenant table
select tests.create_staff_user(:'beta', 'bob@beta.example') as b_staff \gset
insert into tenancy.memberships (tenant_id, staff_user_id, role) values (:'beta', :'b_staff', 'admin');
select tests.create_customer_group(:'beta', 'Beta group') as b_group \gset
select tests.add_company_to_group(:'beta', :'b_company', :'b_group');
insert into accounts.addresses (tenant_id, company_id, kind, recipient, line1, locality, postal_code, country_code)
values (:'beta', :'b_company', 'billing', 'Bolt', 'Weg 1', 'Bonn', '53111', 'DE');
select tests.create_category(:'beta') as b_category \gset
insert into catalog.category_translations (tenant_id, category_id, locale, name, slug)
values (:'beta', :'b_category', 'en', 'Beta category', 'beta-category');
insert into catalog.product_categories (tenant_id, category_id, product_id)
select :'beta', :'b_category', product_id from catalog.variants where variant_id = :'b_variant';
insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (:'beta', 'colour', 'text');
select tests.create_buyer_role(:'beta', 'manager', array['orders.approve']) as b_manager_role \gset
select tests.create_buyer(:'beta', :'b_company', :'b_manager_role', 'manager@beta.example') as b_manager \gset
select tests.create_approval_rule(:'beta', :'b_company', 'big', 10, null, array[:'b_manager_role']::uuid[]);

select tests.act_as(:'beta', :'b_buyer');
select order_id as b_order from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'b_variant', 3), p_idempotency_key => 'b1') \gset
select orders.approve_order(app.current_tenant_id(), :'b_order', :'b_manager');
select orders.fulfil_order(app.current_tenant_id(), :'b_order', tests.lines(:'b_variant', 2));
select return_id as b_return from orders.request_return(app.current_tenant_id(), :'b_order', :'b_buyer', tests.lines(:'b_variant', 1)) \gset
select orders.receive_return(app.current_tenant_id(), :'b_return', :'b_warehouse');
select orders.record_payment(app.current_tenant_id(), p_company_id => :'b_company', p_amount => 5, p_currency => 'EUR', p_reference => 'b-pay');
select orders.request_quote(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 2));
select tests.clear_actor();

create temporary table audited on commit drop as
select c.oid::regclass as tbl, n.nspname || '.' || c.relname as table_name
from pg_trigger tg
join pg_class c on c.oid = tg.tgrelid
join pg_namespace n on n.oid = c.relnamespace
where not tg.tgisinternal and tg.tgfoid = 'audit.capture()'::regprocedure;

select cmp_ok((select count(*)::int from audited), '>=', 30, 'the test sees the audited tables (31 when it was written)');

select is_empty(format($$
  select a.table_name from audited a
  where not exists (select 1 from audit.events e where e.tenant_id = %L and e.table_name = a.table_name and e.operation = 'insert')
  order by 1$$, :'beta'),
  'every audited table recorded the inserts of beta''s world');

do $$
declare
  r record;
begin
  for r in select tbl from audited loop
    execute format('alter table %s enable always trigger %I', r.tbl,
      (select tgname from pg_trigger where tgrelid = r.tbl and tgfoid = 'audit.capture()'::regprocedure));
    execute format('alter table %s enable always trigger %I', r.tbl,
      (select tgname from pg_trigger where tgrelid = r.tbl and tgfoid = 'audit.capture_truncate()'::regprocedure));
  end loop;
end
$$;
set local session_replication_role = replica;
-- update: move beta's rows to gamma, a tenant without rows (tenant_id is a column of every audited table),
-- then delete them
select tests.create_tenant('gamma') as gamma \gset
select tests.exec_each(format($$update %s set tenant_id = %L where tenant_id = %L$$, tbl, :'gamma', :'beta'))
from audited where table_name <> 'tenancy.tenants';
select is_empty(format($$
  select a.table_name from audited a
  where not exists (select 1 from audit.events e where e.tenant_id = %L and e.table_name = a.table_name and e.operation = 'update'
                      and (e.old_values, e.new_values) in ((jsonb_build_object('tenant_id', %L::uuid), jsonb_build_object('tenant_id', %L::uuid)),
                                                           ('{"name": "Beta"}', '{"name": "Beta renamed"}')))
  order by 1$$, :'beta', :'beta', :'gamma'),
  'every audited table recorded an update with only the changed column, old and new');

select tests.exec_each(format($$delete from %s where tenant_id = %L$$, tbl, :'gamma')) from audited;
select is_empty(format($$
  select a.table_name from audited a
  where not exists (select 1 from audit.events e where e.tenant_id = %L and e.table_name = a.table_name and e.operation = 'delete'
                      and e.old_values ->> 'tenant_id' = %L and e.new_values is null)
  order by 1$$, :'gamma', :'gamma'),
  'every audited table recorded a delete with the old row');

-- truncate: one statement for all of them (foreign keys between them); alpha still has its rows
create temporary table alpha_holds (table_name text) on commit drop;
select tests.exec_each(format($$insert into alpha_holds select %L where exists (select 1 from %s where tenant_id = %L)$$,
  table_name, tbl, :'alpha')) from audited;
select tests.exec_each('truncate ' || string_agg(tbl::text, ', ') || ' cascade') from audited;
select is_empty(format($$
  select a.table_name from audited a
  where not exists (select 1 from audit.events e where e.tenant_id = %L and e.table_name = a.table_name and e.operation = 'truncate')
    and a.table_name in (select table_name from alpha_holds)
  order by 1$$, :'alpha'),
  'every audited table that held rows of alpha recorded the truncate for alpha');

select * from finish();
rollback;
