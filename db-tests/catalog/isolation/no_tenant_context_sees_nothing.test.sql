-- With no tenant set, the application role sees no row of any accounts or catalog tenant table, and
-- cannot write (B2001). Generic over the schema, so a new table is covered without editing this file.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_customer_group(:'alpha', 'Wholesale') as wholesale \gset
select tests.add_company_to_group(:'alpha', :'acme', :'wholesale');
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create}') as purchaser \gset
select tests.create_buyer(:'alpha', :'acme', :'purchaser', 'ann@acme.example');
insert into accounts.addresses (tenant_id, company_id, kind, recipient, line1, locality, postal_code, country_code)
values (:'alpha', :'acme', 'billing', 'Acme', 'Weg 1', 'Bonn', '53111', 'DE');
insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (:'alpha', 'material', 'text');
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-1') as v \gset
select tests.create_category(:'alpha') as tools \gset
insert into catalog.category_translations (tenant_id, category_id, locale, name, slug) values (:'alpha', :'tools', 'en', 'Tools', 'tools');
insert into catalog.product_categories (tenant_id, category_id, product_id) values (:'alpha', :'tools', :'drill');
insert into catalog.price_lists (tenant_id, name, currency) values (:'alpha', 'Base', 'EUR') returning price_list_id as list \gset
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price) values (:'alpha', :'list', :'v', 'EUR', 1);
insert into catalog.warehouses (tenant_id, code, name, country_code) values (:'alpha', 'WH', 'Main', 'DE') returning warehouse_id as wh \gset
insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand) values (:'alpha', :'v', :'wh', 1);

-- Rows visible in a table to the current role (dropped with the rollback).
create function tests.visible_rows(qualified text) returns integer
language plpgsql
as $$
declare
  n integer;
begin
  execute format('select count(*)::int from %s', qualified) into n;
  return n;
end
$$;
grant execute on function tests.visible_rows(text) to b2b_app, b2b_readonly;

select cmp_ok((select count(*)::int from tests.linted_tables where has_tenant_id and schema_name in ('accounts', 'catalog')),
  '>=', 18, 'the check sees the accounts and catalog tenant tables');
select is_empty($$select qualified from tests.linted_tables
  where has_tenant_id and schema_name in ('accounts', 'catalog') and tests.visible_rows(qualified) = 0$$,
  'every such table has a row for the checks below to hide');

select tests.act_as(null);
select is_empty($$select qualified from tests.linted_tables
  where has_tenant_id and schema_name in ('accounts', 'catalog') and tests.visible_rows(qualified) > 0$$,
  'b2b_app without a tenant sees no row of any of them');
select throws_ok($$insert into catalog.products default values$$, 'B2001', null,
  'inserting a product without a tenant context fails with B2001');
select throws_ok($$insert into accounts.customer_groups (name) values ('X')$$, 'B2001', null,
  'inserting a customer group without a tenant context fails with B2001');

select tests.act_as(null, null, 'b2b_readonly');
select is_empty($$select qualified from tests.linted_tables
  where has_tenant_id and schema_name in ('accounts', 'catalog') and tests.visible_rows(qualified) > 0$$,
  'b2b_readonly without a tenant sees no row of any of them');

select * from finish();
rollback;
