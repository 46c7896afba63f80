-- The product page read model is never stale: after each kind of write that feeds the page (as b2b_app,
-- through the catalog's tables and functions, and the orders'), the next read of catalog.product_page in
-- the transaction shows the new value, and the read model equals what catalog.product_page_sources
-- computes from the catalog; a write rolled back (to a savepoint) leaves the page as it was. The triggers
-- write the page in the writing transaction, so what its commit makes visible includes the page
-- (the commit itself, from other connections, and concurrent writers: packages/catalog/src/product-pages.test.ts).
begin;
select plan(28);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select product_id as drill from catalog.variants where variant_id = :'variant' \gset
select price_list_id as base from catalog.price_lists where tenant_id = :'alpha' and name = 'Base EUR' \gset
select tests.create_warehouse(:'alpha', 'EAST') as east \gset
select tests.set_stock(:'alpha', :'variant', :'east', 5);

-- the page for a buyer of the company at a quantity, one row per variant: sku, name, price, available
create function tests.page(tenant uuid, product uuid, buyer uuid, company uuid, quantity integer, locale text default 'en')
returns table (sku text, name text, unit_price numeric, available bigint)
language sql
as $$
  select p.sku, p.name, p.unit_price, p.available
  from catalog.product_page(tenant, product, locale, buyer, company, null, quantity) p
$$;
-- the rows of the read model of a tenant that differ from what the view computes now (none: fresh)
create function tests.stale_pages(tenant uuid) returns bigint
language sql
as $$
  select count(*) from (
    (select * from catalog.product_pages where tenant_id = tenant
     except select * from catalog.product_page_sources where tenant_id = tenant)
    union all
    (select * from catalog.product_page_sources where tenant_id = tenant
     except select * from catalog.product_pages where tenant_id = tenant)
  ) d
$$;
grant execute on function tests.page(uuid, uuid, uuid, uuid, integer, text), tests.stale_pages(uuid) to b2b_app;

select tests.act_as(:'alpha', :'buyer');

select results_eq(format($$select * from tests.page(%L, %L, %L, %L, 1)$$, :'alpha', :'drill', :'buyer', :'company'),
  $$values ('ACME-DR-1', 'Acme drill', 10.00::numeric, 105::bigint)$$, 'the page as created: price 10, 105 units');

-- prices
update catalog.prices set unit_price = 12 where tenant_id = :'alpha' and price_list_id = :'base';
select is((select unit_price from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 12.00, 'a price change shows');
update catalog.prices set quantities = '[1,10)' where tenant_id = :'alpha' and price_list_id = :'base';
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price, quantities)
values (:'alpha', :'base', :'variant', 'EUR', 9, '[10,)');
select is((select unit_price from tests.page(:'alpha', :'drill', :'buyer', :'company', 10)), 9::numeric, 'a tier added shows at its quantity');
delete from catalog.prices where tenant_id = :'alpha' and price_list_id = :'base' and quantities = '[10,)';
select is((select unit_price from tests.page(:'alpha', :'drill', :'buyer', :'company', 10)), null::numeric,
  'a tier removed is gone (no price for 10 units left)');
insert into catalog.price_lists (tenant_id, name, currency, scope, company_id) values (:'alpha', 'Acme only', 'EUR', 'company', :'company')
returning price_list_id as acme_list \gset
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price) values (:'alpha', :'acme_list', :'variant', 'EUR', 7);
select is((select unit_price from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 7::numeric,
  'a company list''s price shows to its buyer');
select is((select p.unit_price from catalog.product_page(:'alpha', :'drill', 'en', null, null, 'EUR', 1) p), 12.00,
  'and not to a visitor (the viewer is resolved at read time)');
update catalog.price_lists set valid_during = tstzrange(now() - interval '2 days', now() - interval '1 day') where price_list_id = :'acme_list';
select is((select unit_price from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 12.00,
  'a list that is no longer valid no longer prices the page');
update catalog.prices set valid_during = tstzrange(now() + interval '1 day', null) where tenant_id = :'alpha' and price_list_id = :'base';
select is((select unit_price from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), null::numeric,
  'a price valid only from tomorrow does not show today');
update catalog.prices set valid_during = '(,)' where tenant_id = :'alpha' and price_list_id = :'base';

-- translations
update catalog.product_translations set name = 'Acme hammer drill' where tenant_id = :'alpha' and product_id = :'drill';
select is((select name from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 'Acme hammer drill', 'a translation edit shows');
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug)
values (:'alpha', :'drill', 'de', 'Acme Bohrmaschine', 'acme-bohrmaschine');
select is((select name from tests.page(:'alpha', :'drill', :'buyer', :'company', 1, 'de-AT')), 'Acme Bohrmaschine',
  'a translation added shows for its locale (and its regional variants)');
delete from catalog.product_translations where tenant_id = :'alpha' and product_id = :'drill' and locale = 'de';
select is((select name from tests.page(:'alpha', :'drill', :'buyer', :'company', 1, 'de-AT')), 'Acme hammer drill',
  'a translation removed falls back to the default locale');

-- variants
insert into catalog.variants (tenant_id, product_id, sku, attributes) values (:'alpha', :'drill', 'ACME-DR-0', '{}')
returning variant_id as v0 \gset
select results_eq(format($$select sku, unit_price, available from tests.page(%L, %L, %L, %L, 1)$$, :'alpha', :'drill', :'buyer', :'company'),
  $$values ('ACME-DR-0', null::numeric, null::bigint), ('ACME-DR-1', 12.00, 105)$$, 'a variant added shows, in SKU order');
update catalog.variants set archived_at = now() where variant_id = :'v0';
select results_eq(format($$select sku from tests.page(%L, %L, %L, %L, 1)$$, :'alpha', :'drill', :'buyer', :'company'),
  $$values ('ACME-DR-1')$$, 'a variant discontinued is gone');

-- stock, through every path
select catalog.sync_stock_levels(:'alpha', jsonb_build_array(tests.stock_row(:'variant', :'warehouse', 'on_hand', 80)));
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 85::bigint, 'sync_stock_levels shows');
select catalog.adjust_stock_levels(:'alpha', jsonb_build_array(tests.stock_row(:'variant', :'east', 'delta', 10)));
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 95::bigint, 'adjust_stock_levels shows');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 3), p_idempotency_key => 'page-1') \gset
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 92::bigint, 'an order''s reservation shows');
select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 1));
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 92::bigint,
  'shipping consumes reserved units (on hand and reserved both go down: available stays)');
select order_id as order_2 from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 4), p_idempotency_key => 'page-2') \gset
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 88::bigint, 'a second reservation shows');
select (orders.cancel_order(app.current_tenant_id(), :'order_2')).state;
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 92::bigint, 'a cancellation releases');
update catalog.warehouses set is_active = false where warehouse_id = :'east';
select is((select available from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 77::bigint,
  'a warehouse deactivated no longer counts (80 - 3 reserved left in MAIN)');

select is(tests.stale_pages(:'alpha'), 0::bigint, 'after all those writes the read model is what the catalog computes');

-- rolled back writes leave the page as it was
savepoint before_writes;
update catalog.prices set unit_price = 99 where tenant_id = :'alpha' and price_list_id = :'base';
update catalog.product_translations set name = 'Gone' where tenant_id = :'alpha' and product_id = :'drill';
insert into catalog.variants (tenant_id, product_id, sku) values (:'alpha', :'drill', 'ACME-DR-9');
select is((select count(*) from tests.page(:'alpha', :'drill', :'buyer', :'company', 1)), 2::bigint, '(the writes showed)');
rollback to savepoint before_writes;
select results_eq(format($$select * from tests.page(%L, %L, %L, %L, 1)$$, :'alpha', :'drill', :'buyer', :'company'),
  $$values ('ACME-DR-1', 'Acme hammer drill', 12.00::numeric, 77::bigint)$$, 'rolled back writes leave the page as it was');

-- archived: no page
update catalog.products set archived_at = now() where product_id = :'drill';
select is_empty(format($$select * from tests.page(%L, %L, %L, %L, 1)$$, :'alpha', :'drill', :'buyer', :'company'),
  'an archived product has no page');
select is((select count(*) from catalog.product_pages where product_id = :'drill'), 0::bigint, '(nor a row in the read model)');
update catalog.products set archived_at = null where product_id = :'drill';
select is(tests.stale_pages(:'alpha'), 0::bigint, 'unarchived, the page is back as the catalog computes it');

-- the bulk build (the owner's, after a load with the page triggers off) writes the same rows
select tests.clear_actor();
select app.set_tenant(:'alpha');
update catalog.product_pages set variants = '[]' where product_id = :'drill';
select is(catalog.build_product_pages(:'alpha'), 1::bigint, 'the bulk build writes the tenant''s one live product''s page');
select is(tests.stale_pages(:'alpha'), 0::bigint, 'as the catalog computes it (a damaged page repaired)');

select * from finish();
rollback;
