-- catalog.product_page and catalog.search_products are security invoker: as the application role, a
-- tenant reads nothing of another tenant through them, also with a plan cached (and generic) from an
-- earlier call in the same session by the other tenant. Nor by naming the other tenant as the routing
-- argument: app.check_tenant refuses it (B2002) before anything is read.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_product(:'beta', 'Beta pressure valve') as beta_product \gset
select tests.create_variant(:'beta', :'beta_product', 'B-VALVE-1') as beta_variant \gset
insert into catalog.price_lists (tenant_id, name, currency) values (:'beta', 'Beta base', 'EUR')
returning price_list_id as beta_list \gset
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
values (:'beta', :'beta_list', :'beta_variant', 'EUR', 10);

-- beta first, so that the plans are cached in this session before alpha calls
select tests.act_as(:'beta');
select is(
  (select array[name, sku, unit_price::text] from catalog.product_page(app.current_tenant_id(), :'beta_product', 'en', null, null, 'EUR', 1)),
  array['Beta pressure valve', 'B-VALVE-1', '10'],
  'beta sees its product page with its price'
);
select is(
  (select name from catalog.search_products(app.current_tenant_id(), 'pressure valve', 'en', null, null, null, null, null, null, false, null, null, 24)),
  'Beta pressure valve',
  'beta finds its product'
);

select tests.clear_actor();
select tests.act_as(:'alpha');
select throws_ok(format($$select * from catalog.product_page(%L, %L, 'en', null, null, 'EUR', 1)$$, :'beta', :'beta_product'),
  'B2002', null, 'alpha gets no page for beta by passing beta''s tenant id');
select throws_ok(format($$select * from catalog.search_products(%L, 'pressure valve', 'en', null, null, null, null, null, null, false, null, null, 24)$$, :'beta'),
  'B2002', null, 'alpha finds nothing of beta by passing beta''s tenant id');
select is_empty(format($$select 1 from catalog.product_page(app.current_tenant_id(), %L, 'en', null, null, 'EUR', 1)$$, :'beta_product'),
  'alpha gets no page for beta''s product');
select is_empty(
  $$select 1 from catalog.search_products(app.current_tenant_id(), 'pressure valve', 'en', null, null, null, null, null, null, false, null, null, 24)$$,
  'alpha''s search finds nothing of beta''s'
);
select is_empty(
  $$select 1 from catalog.search_products(app.current_tenant_id(), 'B-VALVE-1', 'en', null, null, null, 'EUR', '0', '100', false, null, null, 24)$$,
  'not by SKU either'
);

select tests.clear_actor();
select tests.act_as(:'beta');
select is(
  (select count(*)::int from catalog.search_products(app.current_tenant_id(), 'B-VALVE-1', 'en', null, null, null, 'EUR', '0', '100', false, null, null, 24)),
  1,
  'beta finds it by SKU within a price range'
);

select * from finish();
rollback;
