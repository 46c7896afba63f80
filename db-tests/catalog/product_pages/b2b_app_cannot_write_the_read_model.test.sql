-- catalog.product_pages is written only by the page triggers: b2b_app, which holds the write grants those
-- triggers need (they run as the caller), is refused a direct insert, update or delete (SQLSTATE B5040),
-- also of its own tenant's rows; and it sees only its own tenant's pages.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_product(:'beta', 'Saw') as saw \gset

select tests.act_as(:'alpha');
select throws_ok(format($$update catalog.product_pages set translations = '{}' where product_id = %L$$, :'drill'),
  'B5040', null, 'b2b_app cannot update a page');
select throws_ok(format($$delete from catalog.product_pages where product_id = %L$$, :'drill'),
  'B5040', null, 'nor delete one');
select throws_ok(format($$insert into catalog.product_pages (tenant_id, product_id, attributes, created_at, translations, variants)
  values (%L, %L, '{}', now(), '{}', '[]')$$, :'alpha', :'drill'),
  'B5040', null, 'nor insert one');
select results_eq($$select product_id from catalog.product_pages$$, format($$values (%L::uuid)$$, :'drill'),
  'it sees its own tenant''s page only');
select tests.clear_actor();
select is((select count(*) from catalog.product_pages where product_id in (:'drill', :'saw')), 2::bigint,
  '(both tenants have their page)');

select * from finish();
rollback;
